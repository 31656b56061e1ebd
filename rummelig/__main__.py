from rummelig.cli import main

raise SystemExit(main())
