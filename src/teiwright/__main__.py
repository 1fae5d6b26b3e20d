from teiwright.cli import main

raise SystemExit(main())
