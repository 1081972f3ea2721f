from moodlog.app import main

raise SystemExit(main())
