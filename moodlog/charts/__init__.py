"""Chart drawing shared by the Trends screen (``moodlog.ui``) and the PDF report
(``moodlog.report``), so that it belongs to neither: both draw the same figures from
the same analysis. Imports pyqtgraph and numpy: load it only when a chart is needed."""
