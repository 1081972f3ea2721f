<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <source>Baseline: the PHQ-9 marked as baseline, if taken before the first session of the current course and after any earlier course (a mark on another is not used), otherwise the last one in the 30 days before that first session; without one, no response or remission is stated. Change, response and remission use the latest result since that first session (none before it). Response = at least 50% lower than baseline; remission = PHQ-9 below 5; both only when the baseline is 10 or more, and only for results at least 14 days after the baseline (the PHQ-9 asks about the last 2 weeks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7-day mean: the mean of the days with a mood among the 7 ending that day, drawn when at least 3 of them have one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each faint line is one session at day 0, on the table&apos;s days: before it, none 1-7 days after an earlier session; after it, up to the day before the next. Bold: the mean where at least 2 sessions have a mood that day (their number varies; sessions on one day count once); band: one standard deviation. No mood: a gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline overlaps previous session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after next session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} (to next session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rise above baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still above at next session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still above at next session (at least {days})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still above so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still above so far (at least {days})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per session: baseline = mean mood of the 7 days before it, leaving out days 1-7 after an earlier session (needs 3 days, else &quot;baseline overlaps previous session&quot; when leaving those out is why, otherwise &quot;not enough data&quot;); each window (+1..+3, +4..+7, +8..+14 days) stops at the next session and needs a mood on a third of the days it keeps. Days are calendar days (a mood at 01:30 after a 23:30 session is on day +1). Durability = days until the 3-day mean, once above baseline, is back at it, or &quot;no rise above baseline&quot; when none of the 3-day means on days +1 to +4 is above it (the one on day +4, or the next one by day +7, leaves day +1 out: a low day +1 alone is not &quot;no rise&quot;; with none by day +7, &quot;not enough data&quot;). &quot;Still above ... (at least N days)&quot;, N the last day it was seen above: when the next session, the end of the data, or more than 7 days in a row without a 3-day mean (each needs a mood on 2 of its 3 days) came first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still above when entries became too few to tell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still above when entries became too few to tell (at least {days})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not above baseline before next session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not above baseline so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pre-treatment baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked as baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last result in the 30 days before the first session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: no scored results yet ({count} not scored: an item left unanswered).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: no scored results yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} ({band})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: {latest} on {day}; no pre-treatment baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: {latest} on {day} (course baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: baseline {baseline} ({band}, {baseline_day}) → latest {latest}, {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: {latest} on {day}, before the first session ({start}); no pre-treatment baseline and no result since that session yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: baseline {baseline} ({band}, {baseline_day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scored results yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no result since the first session ({day}) yet, so no change, response or remission is stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no result since the first session ({day}) yet, so no change is stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pre-treatment baseline, so response and remission are not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response and remission not applicable (baseline below 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response and remission not assessed yet (a result counts from 14 days after the baseline, {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response yes (first reached {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response not at the latest result (reached {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remission yes (first reached {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remission yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remission not at the latest result (reached {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remission no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough sessions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measurable while your sessions are this close together (the week before each session still holds the first days after the one before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sessions}, but {which} enough mood entries around it to measure how long it helped (at least 3 days with a mood in the week before the session, and days with a mood after it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mood has been back at its pre-session level for 3 days. You may want to mention this to your clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An observation from your own data, not medical advice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session durability: for each maintenance session (every session but the induction: a course&apos;s first run of sessions less than 7 days apart, the first session on record always, and the first such run of a kind first used later in the course; a gap of more than 90 days starts a new course), the days until the 3-day mean of mood, once above the pre-session baseline, is back at it (0 when none of the 3-day means on days 1-4 after the session was above it); when the next session, the end of the data or more than 7 days in a row without a 3-day mean (each needs a mood on 2 of its 3 days) came first, the duration counts as &quot;at least&quot; that long (censored). Median by the Kaplan-Meier method over the last maintenance sessions that have a duration, up to {n} (a setting; sessions on one day count once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each at least {low} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range at least {low} to at least {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range {low} to at least {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low} days each for those that ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range {low}-{high} for those that ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all {low} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>range {low}-{high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No maintenance sessions yet (every session but the induction: a course&apos;s first run of sessions less than 7 days apart, the first session on record always, and the first such run of a kind first used later in the course).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 maintenance session, too recent to measure yet: how long it helps shows from the 4th to the 7th day after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last {n} maintenance sessions: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} still above when the next session came or the data ended (open bars).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 3-day average of mood stayed above its pre-session level for more than half of them, up to the next session or today (median more than {longest} days; {range})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 3-day average of mood did not rise above its pre-session level after at least half of them (median 0 days; {range})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 3-day average of mood stayed above its pre-session level for a median of {median} days ({range})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long your sessions help: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last ketamine or esketamine session was today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today is day {day} since your last ketamine or esketamine session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last {n} maintenance sessions: {figure}. {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last {n} maintenance sessions: {figure}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} still above when the next session came or the entries ended (counted as &apos;at least&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} (the EU emergency number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you might act on these thoughts now, call {emergency} or {line} now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you might act on these thoughts now, call {emergency} now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you might act on these thoughts now, call {emergency} or your crisis line now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call your local crisis line, or {emergency} in an emergency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call {number}, or {emergency} in an emergency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call {name} on {number}, or {emergency} in an emergency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can talk to {name} on {number} ({hours}). At any other time, or in an emergency, call {emergency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have to carry thoughts like these alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have to carry thoughts like these alone. You can talk to someone now: {call_now}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left question {number} unanswered. If you are having thoughts of ending your life, help is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left question {number} unanswered. If you are having thoughts of ending your life, you can talk to someone now: {call_now}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anxiety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dotted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dash-dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dash-dot-dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long dash-dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long dash-dot-dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{short}: {pattern}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{short}, {name}: {pattern}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session lines: {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scored {name} in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood (0-10), hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scored {name} in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days from session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Irritability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours slept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trend = change of a straight line fitted to this period&apos;s daily means, from the first to the last day with a mood (at least 5 such days, covering at least half of the period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} – {last} (1 day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} – {last} ({days} days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no PHQ-9 in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last positive before this period: {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive on {positive} of {results} results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive on {positive} of {results} results (not answered on {unanswered})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive on {positive} of {results} results, last on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive on {positive} of {results} results (not answered on {unanswered}), last on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean {mean} of 10 (previous {days}: {previous} from {logged} logged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(dose not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(since {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} more changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mood entries in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean {mean} of 10 (no entries in the previous {days})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trend within this period: not enough data (the days with a mood cover less than half of it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trend within this period: not enough data (fewer than 5 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trend within this period: {direction} ({change} points from the first to the last day with a mood)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>falling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-report screening, not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the last 2 weeks, how often have you been bothered by any of the following problems?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the last 2 weeks, how often have you been bothered by the following problems?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than half the days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearly every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you checked off any problems, how difficult have these made it for you to do your work, take care of things at home, or get along with other people?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not difficult at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somewhat difficult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very difficult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extremely difficult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Little interest or pleasure in doing things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeling down, depressed, or hopeless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouble falling or staying asleep, or sleeping too much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeling tired or having little energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor appetite or overeating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeling bad about yourself — or that you are a failure or have let yourself or your family down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouble concentrating on things, such as reading the newspaper or watching television</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thoughts that you would be better off dead or of hurting yourself in some way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeling nervous, anxious, or on edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not being able to stop or control worrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worrying too much about different things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouble relaxing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being so restless that it is hard to sit still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Becoming easily annoyed or irritable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeling afraid as if something awful might happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderately severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wishing to be dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thoughts of suicide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing or acting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no to every question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes to wishing to be dead or thoughts of suicide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes to thinking about how (method)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes to thoughts of suicide, follow-up not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes to intent, a plan, or preparing or acting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped or not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes to wishing to be dead, follow-up not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes to thoughts of suicide or to wishing to be dead, and a follow-up question not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A self-check to help you and your care team, if you choose to share your answers with them. It is not a clinical assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog is private. No one is notified of your answers and no one is monitoring them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you need help now, use Get help now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have you wished you were dead, or wished you could go to sleep and not wake up?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have you had any thoughts of killing yourself?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have you thought about how you might do this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have you had any intention of acting on these thoughts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have you started to work out the details of a plan, and do you intend to carry it out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have you done anything, started to do anything, or prepared to do anything to end your life?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since your last check-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thoughts, images, moods, situations or behaviours that tell me a crisis may be developing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal coping strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Things I can do on my own to take my mind off my problems, without contacting anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and social settings that distract me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and places that help me feel better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People I can ask for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionals and agencies I can contact in a crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician, after-hours number, crisis line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the environment safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps I can take to keep myself safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My reasons for living</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What matters most to me and is worth living for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketamine IV infusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketamine IM injection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esketamine nasal spray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketamine sublingual/oral (lozenge, troche)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketamine-assisted psychotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dissociation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dizziness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nausea/vomiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>headache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sedation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anxiety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blurred vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbness/tingling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vertigo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perceptual changes/confusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>urinary symptoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>craving/urge for extra doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a ketamine or esketamine session: do not drive, cycle or operate machinery until the next day after a restful night&apos;s sleep. Rest, drink water, and have someone you trust nearby if you can. Contact your clinic if something worries you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissociation 0-10 (your own 0-10 rating, not a clinical scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own 0-10 rating, not a clinical scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dose} mg at {weight} kg is {per_kg} mg/kg, above the {limit} mg/kg usually used for IV or IM ketamine for depression. Please check the dose and weight; you can save it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esketamine nasal spray doses are usually {doses} mg (one, two or three devices); {dose} mg is none of these. Please check the number; you can save it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}, {second} or {third}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions are numbered within the course: a gap of more than 90 days between ketamine or esketamine sessions starts a new one (infusions count infusions, doses count doses; TMS, ECT and other sessions are counted by kind).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infusion {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infusion {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>injection {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>injection {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it&apos;s been a week, a PHQ-9 before your session helps track the course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anxiety (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Irritability (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep quality (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog could not read its preferences file (preferences.json), so it is using its default settings where needed. Please check the country for crisis lines and the auto-lock time in Settings. Your journal is not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files are not encrypted: anyone who can open the folder can read them. Keep them somewhere private and delete them when you no longer need them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog — patient-reported summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-reported data, not a clinical assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF itself is not encrypted. Anyone who gets the file can read it: keep it somewhere private and delete it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-page summary (always)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires (PHQ-9, GAD-7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suicidal-ideation check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions for my therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapy notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal excerpts (you choose which)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily mood (points) with its 7-day mean, treatment sessions (vertical lines), medication changes (triangles at the bottom) and, along the top, each day&apos;s most concerning self-check (none: circle, low: triangle, moderate: diamond, incomplete: star, high: square, skipped: cross).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily mood (points) with its 7-day mean, treatment sessions (vertical lines) and medication changes (triangles at the bottom).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHQ-9 item 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood around sessions ({count} in this period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last session {kind}, {date} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last therapy note {date} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next appointment {kind}, {date} {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no next appointment booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scored PHQ-9 in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} earlier (in the Questionnaires section); </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} earlier (not listed here); </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose {dose} mg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dose {low}{dash}{high} mg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; recorded for {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{medications} (taken at the end of the period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {entries} filled in more than 48 h after the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashed line: a booked appointment, not yet a session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHQ-9 and GAD-7 with their severity bands, a thin line where two meet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; no entries filled in later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHQ-9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHQ-9 scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GAD-7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session durability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none taken at the end of the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} more in the Medications section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this period: {changes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood {meaning}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scored result in this period ({count} not scored: unanswered items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no result in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; latest {total} ({band}) on {date}, before this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} ({band}) on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} ({first_band}, {first_date}) {arrow} {latest} ({band}, {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {count} more not scored (unanswered items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Self-report screening, not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no yes; not all answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suicidal-ideation check-ins: not included in this summary (the patient&apos;s choice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suicidal-ideation self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How I felt afterwards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I wrote about my sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{logged} of {days} logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} in this period: {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; course baseline {total} ({date}, {rule})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({count}): {levels}; skipped or not answered {skipped}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any yes ({count}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No yes answers in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest check-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}, {level} (before this period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}, {level}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient asked to talk about this ({times}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check adapted from the C-SSRS screener structure, not a clinical assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open questions for the therapist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}, listed on a later page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (flagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open questions for the therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(to next
session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BP before {reading}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BP after {reading}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(at or above {flag})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes are against that baseline. Diss.: the patient&apos;s own 0-10 dissociation rating, not a clinical scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} not dated here ({levels}; listed in the self-check table); </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and {count} more on a later page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} A number the patient typed in; later sessions of that kind count on from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side effects, BP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day +1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No treatment sessions in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next appointment: {kind}, {date} {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking at the end of the period: {medications}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medication changes in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored (unanswered items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHQ-9 bands: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe. GAD-7: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe. Self-report screening, not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questionnaires in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suicidal-ideation self-checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No self-checks in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all (skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed: the {count} with any yes, any question not answered, or marked to discuss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None had a yes, a question left unanswered, or a request to discuss it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listed: {count} with every question answered no and no request to discuss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To discuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(added {date}, flagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(added {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homework / practices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No therapy notes in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration (what came up):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No safety plan recorded in moodlog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety plan in moodlog is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reviewed {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review is due (every {days} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not filled in: {steps}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lines}; {address} lists others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis lines: {lines}; in an emergency: {emergency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis line: your local crisis line ({address} lists them); in an emergency: {emergency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal excerpts (all entries with a note in this period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal excerpts (chosen by the patient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No journal entries chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} {time} {dot} mood {mood}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period} {dot} generated {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reviewed {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your local crisis line ({address} lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lines}; in an emergency: {emergency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a crisis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog — DEMO (sample data, deleted on exit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo passphrase: {passphrase}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you entered in “{title}” was not saved (moodlog does not keep it when it locks). Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog locked itself after a while without use. What you entered in “{title}” was not saved yet (moodlog does not keep it when it locks). Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog locked itself after a while without use. Your unsaved text could not be kept: {reason}. Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you close moodlog now, it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and discard it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you lock now, it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you entered in “{title}” is not saved yet, and moodlog does not keep it when it locks or closes.

{then} You can go back and save it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock and discard it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved text could not be kept as a draft: {reason}.

{then} You can go back and save it, or copy it somewhere first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is no longer where moodlog keeps it: another program moved, renamed, replaced or deleted its file while it was open. If you moved it, put it back; or restore your latest backup with “Restore from a backup…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside moodlog. Everything you had saved is safe in your encrypted journal. If this keeps happening, restarting moodlog usually helps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: {date}, {time} ({ago}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups: one a day, when you first unlock. moodlog keeps the newest of each of the last {daily} days and of each of the {weekly} weeks before those, and deletes older automatic ones. Backups you make yourself are never deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog backups and kept copies (*.db *.bak);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backups in your backup folder, newest first: when made, by whom, size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{made} — {kind}, {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(dated after today: the clock was wrong when it was made?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{made} — your journal as it was before that restore, {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a backup file from any folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually the passphrase your journal had when the backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually the passphrase your journal had when the backup was made (or the separate backup passphrase, if you chose one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the backup to show what it holds; nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes this without restoring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace my journal with this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available after the check: puts the backup in place of your journal and keeps your current journal beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase of this backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is readable. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing your journal with it keeps your current journal beside it. Afterwards the journal opens with this backup&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>treatment session or appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>treatment sessions and appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>therapy note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>therapy notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question for your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questions for your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safety plan version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safety plan versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your latest backup, made just now, holds everything it had: {name}, in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It holds no dated records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records from {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records from {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It holds {records}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal has records this backup does not (new or changed since it was made): {records}. Once the backup replaces your journal, they stay only in the copy of your journal kept beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal was restored from {name} (records from {date}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal was restored from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal as it was before is kept as {name} in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on it opens with this backup&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you had typed but not saved could not be brought over ({reason}); it is still in the journal kept as {name}, as not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you had typed but not saved could not be brought over ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the restored journal could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is a complete, encrypted copy of your journal. Keep backups on an external drive or in a synced folder, so they survive a lost or broken computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes an encrypted copy of your journal to the backup folder now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where backups go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder new backups are written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up automatically once a day, when I first unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When ticked, the first unlock of each day makes a backup in the folder above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups in this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first. Choose one, then Restore, to put it in place of your journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks a backup first; nothing changes until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as my journal&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New backups open with the passphrase your journal has when they are made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A separate passphrase for backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New backups open with a passphrase of their own, typed in the two fields below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate passphrase for backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase new backups will open with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase once more, to catch a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for new backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the choice above for the backups made from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A separate backup passphrase is kept inside your encrypted journal, so that automatic backups can use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is beside your journal, on the same disk: it protects against a damaged journal, not against a lost computer. Choose a folder on an external drive or a synced folder for that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last automatic backup did not work: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your earlier backups stay in {folder}: in Restore…, Choose another file… opens them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}, of another journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring replaces your journal with the backup you choose. First moodlog checks the backup and shows what it holds; nothing changes until you confirm. Your journal as it is now is kept beside it (moodlog.db.before-restore-DATE.bak), and this list offers it too, so you can go back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {name} ({size}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your backup is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you change your passphrase, keep the old one with your backups, or make a new backup afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New backups go to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting could not be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New backups open with your journal&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New backups open with the separate passphrase. Keep it somewhere safe: nobody can recover it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long sessions helped chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days each session&apos;s mood stayed above its baseline; the text beside sums it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long sessions helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance sessions in the summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance sessions in the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of your most recent maintenance sessions the median is taken over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends → Around sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens Trends at Around sessions: your mood before and after each session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer not to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I want to talk about my recent self-check (thoughts about death or suicide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the self-check this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records that you skipped it today; nothing else is asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {number}: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I want to talk about this at my next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds it to the questions for your next appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis lines, emergency numbers and your safety plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another country (local emergency number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country for crisis lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chooses whose crisis lines “Get help now” shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{country} (local emergency number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored your unsaved text from before moodlog last locked or closed. It is not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question for my next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would you like to ask or talk about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you entered here is not saved. Close without saving it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog does not keep drafts of “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the list of questions for your next appointment when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of this check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today unless you are filling in an earlier day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of this check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time of saving unless you change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extreme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required. The arrow keys move it; Space keeps the value it shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Moving it records it; untick the box to leave it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <comment>hours, after a number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours slept, in quarter hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. At its lowest it says not recorded and nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was part of your day?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what was part of your day; Space ticks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a tag of your own, ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything you want to remember about today. Only you can read this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text, kept encrypted; Tab moves on to the next field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tag (e.g. yoga):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-checks (thoughts about death or suicide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapy notes and my notes on sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page 1, the overview, is always in the summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts of your mood over the period, with sessions and medication changes marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your treatment sessions in the period, with doses and side effects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each medication start, dose change and stop in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PHQ-9 and GAD-7 results in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your self-check answers in the period; if you leave them out, page 1 says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your questions for your therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your therapy notes in the period, and what you wrote about its sessions (intention, how you felt afterwards, notes, integration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your safety plan as last saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows your journal entries of the period; only the ones you tick go in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} – {last} ({days})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved because of an unexpected error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview — {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary for your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF of your own records to bring or send to your therapist: page 1 is a one-page overview, details follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since my last appointment (at least 30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From your last therapy note or past session to today; never fewer than 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 30 days up to and including today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 90 days up to and including today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The days chosen in the two date fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report from this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report to this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day the summary covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day the summary covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to include</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When ticked, this is in the summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you leave this out, page 1 says the self-checks were not included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PHQ-9 results stay in the summary, with their question 9 (thoughts that you would be better off dead, or of hurting yourself): it is part of the PHQ-9&apos;s score, and page 1 always shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal entries to include (none are chosen until you tick them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal entries to include</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick an entry to put its note in the summary; none are ticked to begin with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the first page (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown unless you type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on page 1 of the summary, only if you type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper the PDF is laid out for; it starts as your country&apos;s usual size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the pages of the summary as chosen, without saving anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the summary as a PDF file where you choose; the file is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} {time}: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save summary as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing page {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name} ({date}). Remember: the PDF is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You answered yes and left some of the next questions unanswered. That is always allowed. Whatever the answers would be, you do not have to carry this alone: the people below can help, now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for answering honestly. You do not have to carry this alone: the people below can help, now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for answering honestly. Thinking about how you might end your life is a good reason to talk to your clinician or care team soon, today or tomorrow if you can. If it gets harder before then, call a crisis line below at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for answering honestly. Thoughts like these can pass, and you do not have to carry them alone. Here is what can help now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for answering honestly. Thinking about how you might end your life is a good reason to talk to your clinician or care team soon, today or tomorrow if you can. If it gets harder before then, call the crisis line below when it is open, or the emergency number at any hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk to someone now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk to someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog does not list a crisis line for this country. Call your local crisis line, or a doctor or hospital near you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call your local crisis line, or a doctor or hospital near you. Choose your country above to see its crisis lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({address}), a free directory, lists crisis lines in many countries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock moodlog to see your own safety plan and contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not written a safety plan yet. You can make one under “Safety plan” when you feel ready; it takes about ten minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved safety plan is empty. You can fill it in under “Safety plan” when you feel ready; any earlier version you saved is there, under “Earlier versions…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not alone. Help is available now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis lines and your safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis lines for your country, then your own safety plan when unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes this panel. Get help now opens it again from any screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU General Public License v3.0 or later (GPL-3.0-or-later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt 6 and PySide6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU Lesser General Public License v3 (LGPL-3.0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIT licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSD-style licence (Zetetic LLC); SQLite is in the public domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sqlcipher3 (Python binding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zlib licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSD-3-Clause licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zxcvbn (passphrase strength)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the check-in (Today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The PHQ-9 (depression, 9 questions, 0–27) and GAD-7 (anxiety, 7 questions, 0–21) ask about the last two weeks and are scored by their published rules: each answer counts 0–3 and the total is their sum. A form with an unanswered question has no total.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;PHQ-9 bands: {phq9}.&lt;br&gt;GAD-7 bands: {gad7}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;These are self-report questionnaires, not a diagnosis.&lt;/b&gt; They help you and your therapist see change over time; only a professional can diagnose.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Around sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Trends → Around sessions lines up every ketamine or esketamine session at day 0, so you can see how your mood moved in the days after each one, and how long each session helped.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything you write is kept in one encrypted file on this computer. moodlog has no account, no cloud and never uses the network. &lt;b&gt;No one is monitoring your answers&lt;/b&gt;, and no one is notified of them: moodlog is not a crisis service. When you need someone now, &lt;b&gt;Get help now&lt;/b&gt; (on every screen and on the lock screen) shows crisis lines for your country and your own safety plan.&lt;/p&gt;&lt;p&gt;Your passphrase is the only key. &lt;b&gt;A lost passphrase cannot be recovered&lt;/b&gt;, by anyone. moodlog locks itself after a few minutes without use (Settings). Exports (PDF, CSV, FHIR) are not encrypted: keep them private.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the introduction again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The short tour shown when the journal was created, with its set-up choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About moodlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;moodlog {version}&lt;/b&gt;, a private, encrypted mood and treatment journal. Free software: you may share and change it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with no warranty.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with {versions}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This is the demo journal:&lt;/b&gt; it is deleted when you quit.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Your journal: {path} (encrypted with SQLCipher 4; any standard SQLCipher 4 tool opens it with your passphrase).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Backups: {path} (encrypted too).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Beside the journal, &lt;code&gt;preferences.json&lt;/code&gt; holds only the country for crisis lines, the auto-lock time, the theme, the backup folder and whether to back up automatically; &lt;code&gt;window.ini&lt;/code&gt; only the window&apos;s size and position and the widths of table columns; and &lt;code&gt;moodlog.db.backup-mark&lt;/code&gt; only a random mark that tells this journal&apos;s backups apart. Nothing you write is stored outside the encrypted file.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daylio (CSV export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eMoods (CSV export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another app or a spreadsheet (CSV with a header row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file from Daylio&apos;s export: moods, activities and notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file from eMoods&apos; export: ratings, sleep and notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any CSV file whose first row names its columns; you choose which is which.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR file is not encrypted: anyone who can open it can read it. Send it to your clinic the way they ask, keep it private, and delete it once they have it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from another app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries from another app are added to your journal. You will see what would be added before anything changes; entries already in your journal (same day, time and note) are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. What kind of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a file window to choose the export file; nothing is imported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. How it maps to moodlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would be added: rows found, dates, entries already there, rows with problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds the entries shown in the preview to your journal, all or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file again for this kind of export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the export file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported.

{reason}

Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each mood name in the file, with the moodlog mood it becomes (0 = worst possible, 10 = best possible). Daylio&apos;s own names have a suggestion; choose a value for your own names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The moodlog mood (0-10) this mood name becomes; not chosen yet at first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities become tags; the title and note become the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The depression rating (0-3) becomes your mood (0-10):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depression {word} ({number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The moodlog mood (0-10) this rating becomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which column holds what. Date and mood are needed; values must be 0-10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} (needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column of the file that holds this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {entries}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup before the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Without it, this import cannot be undone by a restore. Import anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup was made first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal as it was just before is in the backup {name}: Backups &gt; Restore… brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import did not finish because of a problem inside moodlog. Nothing was imported; your journal is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {entries} to your journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other formats and other apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files open in a spreadsheet; a FHIR file is the standard format a clinic&apos;s records system can take in. Journal notes are in the CSV files but never in the FHIR file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the period chosen above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked, the files hold your whole journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include my self-check answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out unless you tick this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers about thoughts of death or suicide are left out unless ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves one unencrypted CSV file per kind of record in a folder you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save FHIR file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves an unencrypted FHIR file for a clinic&apos;s records system, without notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from another app…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds entries from Daylio, eMoods or a spreadsheet, after a preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV files are not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV files could not be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {files} in {folder} ({day}). They are not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR file is not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save FHIR file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FHIR file could not be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file} ({records}). It is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood calendar for the year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One square a day, coloured by that day&apos;s average mood; click a day to see its entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: mood {mood}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: still to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: no entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mood {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anxiety {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>energy {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>irritability {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep quality {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slept {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filled in later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… ({count} more characters: Edit shows the whole note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries yet. Your check-ins appear here once you have saved one: go to Today (Ctrl+N), choose your mood and save with Ctrl+S. Their notes can then be searched here (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year shown in the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year the mood calendar shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each square is a day, coloured by average mood (brown = low, teal = high). Hollow squares are days without an entry; faint dotted squares are days still to come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the entries whose note has every word you type (Ctrl+F comes here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists only the entries with this tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists entries from this day on; any: no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists entries up to this day; any: no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entries found, newest first; choose one to see its day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries of the chosen day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every entry of the day chosen in the calendar or the results; double-click one to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the chosen entry to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the chosen entry, after asking you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a question for my therapist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes down a question to bring to your next appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: no entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the entry of {day} {time}? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — sample data, deleted when you quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock moodlog ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes your journal; your passphrase opens it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the screen to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock moodlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry (Today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your notes (Journal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vault could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;moodlog is your private journal for the weeks and months of treatment: a short daily check-in of mood, sleep and notes, your treatment sessions and therapy notes, the PHQ-9 and GAD-7 questionnaires, and a PDF summary you can bring to your therapist.&lt;/p&gt;&lt;p&gt;&lt;b&gt;moodlog is not a crisis service, and no one is monitoring what you write.&lt;/b&gt; No one is told about your answers. If you need someone now, &lt;b&gt;Get help now&lt;/b&gt; (at the top of every screen) shows crisis lines for your country and your own safety plan.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything stays in one encrypted file on this computer. moodlog has no account and never uses the network.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Your passphrase is the only key, and it cannot be recovered.&lt;/b&gt; If you lose it, nobody, including the people who make moodlog, can open your journal. Keep it somewhere safe, and make backups (the Backups screen).&lt;/p&gt;&lt;p&gt;moodlog locks itself after a few minutes without use. Files you export (PDF, CSV) are not encrypted: keep them private.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A safety plan is a short list, in your own words, of warning signs, things that help, people and places, and professionals to contact when things get hard. &lt;b&gt;Get help now&lt;/b&gt; shows it next to the crisis lines.&lt;/p&gt;&lt;p&gt;You can fill it in now, or later from &lt;b&gt;Safety plan&lt;/b&gt; in the side menu.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to moodlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction to moodlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What moodlog is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in my safety plan now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes the introduction and opens your safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes the introduction without changing any setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood, tags and the note are always there. Also show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on Today: {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest PHQ-9 and GAD-7 every so many days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today reminds you of the questionnaires when this many days have passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest PHQ-9 and GAD-7 every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later, finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument} not scored: {missing} unanswered. A total is only given when every item is answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument}: {total} of {maximum} ({band}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change from previous: {change}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no_baseline}, so response and remission are not stated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no_baseline}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your course baseline ({rule}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken before the first session of the course ({day}): the change from the course baseline counts from results after that session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change from course baseline ({total} on {day}): {change}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline (automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked, not used (not before this course)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores {score} for this question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question} (not scored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{answer}, scores {score}. Item {number}: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer to: {question} It is not scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves your answers and shows the total and its band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes this window without saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers are not saved. Close without saving them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: no question is answered yet. Choose an answer for each question, or close this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {numbers} is not answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions {numbers} are not answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A total is only given when every question is answered, and a partly answered {instrument} does not count as taken. You can answer them, or choose “{save_anyway}” to keep it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You said you have had thoughts that you would be better off dead or of hurting yourself. These short questions can help you understand them, and your care team too, if you choose to share them. You can skip any of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course baseline is the result later ones are compared with: the one you mark, else the last result in the 30 days before the first session of your current course. Without either there is no pre-treatment baseline, and moodlog does not state response or remission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every PHQ-9 and GAD-7 you saved, newest first; select one to mark or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as course baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes the selected result the one later results are compared with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the selected result, after asking you to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the {instrument} of {day}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal file needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the unlock page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted copies made before earlier upgrades are in the same folder: {files} (same passphrase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal as it was before an earlier restore is kept in the same folder: {files} (it opens with the passphrase it had then).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no earlier upgrade copy beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you keep backups, “Restore from a backup…” below puts a checked copy in its place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;While reading your journal, moodlog found that part of the file &lt;b&gt;{file}&lt;/b&gt; cannot be read: it is damaged, or another program changed it. moodlog has locked it and has not changed it.&lt;/p&gt;&lt;p&gt;What you can do:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;First keep a copy of the file somewhere safe, as it is.&lt;/li&gt;&lt;li&gt;Unlock again: the parts that can still be read may open.&lt;/li&gt;&lt;li&gt;Run &lt;code&gt;moodlog check&lt;/code&gt; to see what is damaged.&lt;/li&gt;&lt;li&gt;{backups}&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A minute for your notes today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder: appointment {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open moodlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me in {minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brings the moodlog window forward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks again later today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes this reminder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me once a day if I have not logged anything yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily reminder on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only on days with nothing logged, and only while moodlog is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the daily reminder comes, 24-hour clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the notification says. Others may see it on your screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hour before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder before a scheduled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many hours before a session in your treatments list; 0 for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a scheduled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders come only while moodlog is running (it may be locked). Others may see a notification on your screen, so the wording is yours to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reminder settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps these reminder settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: every day at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: no daily reminder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person a row: a name and a phone number. A new row appears as you fill one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not saved yet: “Get help now” shows your plan as last saved until you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored your unsaved changes to the plan. They are not saved yet: “Get help now” shows your plan as last saved until you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safety plan is a short list, in your own words, of what helps when things get hard. Write it when you feel steady, ideally with your therapist. One item a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the plan as a new version; earlier versions are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as reviewed today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the plan and records today as the day you last went through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF to print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the plan as written here as a one-page PDF, which is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts back the plan as you last saved it; the changes not saved are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the versions of your plan saved before; one can be put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the changes not saved? The plan goes back to the one you last saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes not saved yet would be replaced by this version. Put it in the editor anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put it in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version saved {when} is in the editor, not saved yet. Save plan makes it your plan again; Discard changes puts back the last saved one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your plan is as you last saved it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review date. {versions}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reviewed {date}. {versions}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for a review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save an empty plan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the empty plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved and marked as reviewed today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save safety plan as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}. This PDF is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the self-check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the self-check on its own; your answers stay private.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the chosen self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the chosen self-check, after asking: one answered by mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers are private. No one is notified and no one is monitoring them. If you need help now, use Get help now. The levels are a summary to help you and your care team, if you choose to share them, not a clinical assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your self-checks, newest first: the day, the level and whether to discuss it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{level}: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this self-check?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The self-check of {when} is removed from your journal, your charts and the summaries you print. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions of your plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first. Putting one back fills the editor; nothing is saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} (your plan now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} — empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this version in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every section is empty. If you save it, “Get help now” shows no plan of yours, only the crisis lines. Earlier versions stay kept (Earlier versions…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}, earlier ({number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy and help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog locks itself after this many minutes without any typing or clicking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after no activity for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The crisis lines and emergency number moodlog shows are those of this country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark colours, or the same as the rest of your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires and sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many days apart Today suggests filling in the PHQ-9 and GAD-7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reminder shown after you record a ketamine or esketamine session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save after-care text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the after-care note as written above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-care note shown after a ketamine session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags offered on Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tags you can pick on Today. Choose one to remove it from the choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a tag to offer on Today, then Add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds the tag typed beside it to the choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the chosen tag from the choices; past entries keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing a tag keeps it on past entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds entries from Daylio, eMoods or a CSV file, with a preview first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daylio, eMoods or any CSV file: adds entries, with a preview first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase that opens moodlog now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase that will open moodlog from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase once more, to catch a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypts your journal with the new passphrase; the old one no longer opens it. Backups made before keep the passphrase they were made with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase changed: your journal now opens only with the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If someone may know your old passphrase, make a new backup now on the Backups screen and delete the older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any backups made before now still open with the passphrase they were made with; your backup folder ({folder}) cannot be read now, so they were not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups made before now still open with the passphrase they were made with (found: {backups} in your backup folder, {kept} kept beside your journal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no way to recover a lost passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vault: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog locks now: unlock it with your old passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is your mood right now? Please set the mood scale (0 = worst possible, 10 = best possible), then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your self-check is saved. To save the rest of this check-in, please set the mood scale (0 = worst possible, 10 = best possible), then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session today: {session}, {course}, {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last session yesterday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days since your last session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next appointment: {session}, {day} {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session on {day} ({session}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What came up? What do you want to remember, or bring to therapy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with this session, encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the check-in and the self-check together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument} questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depression questionnaire, nine questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anxiety questionnaire, seven questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your earlier PHQ-9 and GAD-7 scores and what they mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored your unsaved check-in. It is not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock says it is {today}, but your last check-in was saved on {saved}. If the date is wrong, what you save now gets the wrong date: set the computer&apos;s date and time first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After today&apos;s session: {aftercare}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} mood {mood}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already saved today: {entries}. You can add another check-in at any time; charts use the day&apos;s average.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instrument} questionnaire (due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a good time for your PHQ-9 questionnaire (about two minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take PHQ-9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has been a day or two since your session on {day} ({session}). What came up?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an integration note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your safety plan was last reviewed on {day}. Look it over when you feel ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your safety plan has no review date. Look it over when you feel ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your self-check is saved. The rest of this check-in is not saved yet: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check-in is not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at {time} — mood {mood} (marked as filled in later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at {time} — mood {mood}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind, clinic, dose and weight are copied from your last session ({date}). Change anything that is different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What kind of treatment this session is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the treatment (for Other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own name for a treatment of the kind Other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day of the session; a day to come makes it an appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the session starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dose of this session in milligrams; 0 leaves it not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your weight in kilograms, for the dose per kilogram; 0 leaves it not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infusion duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: how long the infusion ran; 0 leaves it not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session number in the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session&apos;s number in the course; automatic counts it for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions planned in the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many sessions the course has in all, if you know; 0 leaves it not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where, or with whom, the session is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: what you hope for from this session, in your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 120/80</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the reading before the session, as systolic/diastolic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the reading after the session, as systolic/diastolic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side effect {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strong this side effect was, if at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissociation, 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your own words, how you felt afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else about the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What came up during or after the session, in the days that followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is still to come, so it is saved as an appointment. What happened (side effects, blood pressure after, how you felt) is best added once it has taken place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: how long the infusion ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infusion duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic / provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissociation (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How I felt afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration: what came up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {instrument} was saved this day at {time}, before the start time given here. If the session began earlier, set its start time: a result before a course&apos;s first session counts as taken before treatment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= {value} mg/kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose the kind of treatment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What time is the appointment? The time still shows when this window was opened ({time}). Set it, or save again to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What time did the session start? The time still shows when this window was opened ({time}). Set it (it decides which questionnaires and moods count as before the session), or save again to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. sertraline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication&apos;s name, as on the packet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit of the dose, such as mg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether you started, changed the dose of, or stopped this medication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day of the start, change or stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dose from this day on, in the unit above; 0 leaves it not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. once daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: how often you take it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. side effects, doctor&apos;s advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: why it started, changed or stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapy note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day of the therapy appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: who you saw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the session was about, in your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you noticed or understood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you agreed to try or practise before the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What we worked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homework / practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write something in the note first, or choose Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions recorded yet. “Add session or appointment…” records a session you had (a past date) or books one (a future date).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show sessions of this kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists only the sessions of the kind chosen here, or all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add session or appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records a session you had (a past date) or books one (a future date).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the chosen session to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the chosen session, after asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sessions and appointments, newest first. Appointments are in italics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissociation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next appointment: {kind}, {date} at {time}, {clinic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next appointment: {kind}, {date} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointment planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{effect} ({severity})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(appointment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After your session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the {kind} of {date}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each start, dose change and stop is a dated event; the Trends charts mark them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add medication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records a medication you start, with its first dose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record change or stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records a new dose or the end of the chosen medication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the chosen medication and all its events, after asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency / reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each start, dose change and stop, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dose} {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {name} and all its events?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapy and integration notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes a note about a therapy appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the chosen note to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the chosen note, after asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your therapy notes, newest first. Double-click one to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the note of {date}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions for my next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open questions carry forward until you tick them off, and go into the PDF summary for your therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes down a question to ask at your next appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the chosen question, after asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a question once it has been answered; open ones come first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(flagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added {added}, done {done}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added {added}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this question?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to draw yet. Save a check-in on Today (Ctrl+N) and your mood appears here day by day. Treatment sessions (Treatments), questionnaires and self-checks are added to the charts as you record them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ketamine or esketamine sessions recorded yet. Add them under Treatments → Sessions; this page then lines up your mood around each one and shows how long each session helped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tag} {with_tag} vs {without_tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood on days with a tag vs without: {pairs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours slept vs next day&apos;s mood: little link (r = {r}, {n} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours slept vs next day&apos;s mood: some link (r = {r}, {n} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours slept vs next day&apos;s mood: a clear link (r = {r}, {n} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are associations in your own data, not causes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From all your entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {day} to today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood around sessions chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood on the days before and after each session; the table beside lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions shown in the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the sessions whose mood the chart lines up at day 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticks every session in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHQ-9 outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood around each session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per session: its mood baseline and the change in the days after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows this many days up to today on the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the chart you see as an image file you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows or hides this line on the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood over time chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily mood, sessions, self-checks and questionnaire scores over the range chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over a day to see its values; click it to open it in the journal. Drag to pan, scroll to zoom (Ctrl+scroll while the page scrolls).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7-day mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check: {legend}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHQ-9, GAD-7: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journal is encrypted with this passphrase, and there is no way to recover it if you lose it, so keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A very easy passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is among the first anyone would try: someone with your computer could open your journal. A few unrelated words are much safer and still easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is among the first anyone would try: someone with a copy of your backups (a synced folder, a lost drive) could open them. A few unrelated words are much safer and still easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>third attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fourth attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fifth attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sixth attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seventh attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eighth attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows crisis lines for your country and your own safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of your encrypted backups to put in place of this journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The characters you type are hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the characters you type, for anyone who can see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your private journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates your encrypted journal with this passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your country, so that “Get help now” shows its crisis lines (you can change it later in Settings):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {count} characters. A few unrelated words make a strong passphrase you can remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: {word}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal could not be created: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens your journal with this passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase ({attempt}). Check Caps Lock and the keyboard layout. Nothing was changed; you can try again as often as you like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal could not be opened: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record {scale}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked: the value on the slider is saved. Not ticked: nothing is recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{scale}&lt;/b&gt; (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scale} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scale}, 0 = {low}, 10 = {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens crisis lines and your safety plan. What you entered here stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys move it; Space keeps the value it shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting applies now, but it could not be kept for the next start: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} / 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moodlog tried to keep what your journal held until now as a backup, but could not. {problem} What was saved since your latest backup is only in the journal&apos;s file, where it went, if it is still there (a moved file, or one in the bin, still holds it): put that file back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file beside your journal ({name}) was left by another program and does not fit it: it was written for another database or with another passphrase, is damaged, or is older than your journal&apos;s last save. moodlog did not apply it, so your journal opened as it was last saved, and kept that file as {kept}. If you used another program on your journal, keep that file for it; otherwise you can delete it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
