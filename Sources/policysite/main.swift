import PolicySiteCLI
PolicySiteCommand.main()
