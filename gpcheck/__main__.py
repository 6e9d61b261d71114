from gpcheck.cli import main

main()
