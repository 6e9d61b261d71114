from gpcheck import main

main()
