import ArgumentParser

extension PolicySiteCommand {
    /// The root's `--version` and `--help` (also `-h` and `help`) answered before
    /// swift-argument-parser parses: its parse first builds the argument set of every
    /// subcommand through reflection, which was about 60% of the start-up (BENCHMARKS.md).
    /// The text is the parser's own (`EarlyAnswerTests` compare it with a full parse).
    /// Any other arguments: nil, and `main()` parses them as before.
    public static func earlyAnswer(to arguments: [String], columns: Int? = nil) -> String? {
        switch arguments {
        case ["--version"]:
            return configuration.version
        case ["--help"], ["-h"], ["help"]:
            return fullMessage(for: CleanExit.helpRequest(), columns: columns)
        default:
            return nil
        }
    }

    /// `main()`, answering `--version` and `--help` early (`earlyAnswer(to:)`).
    public static func mainAnsweringEarly() {
        if let text = earlyAnswer(to: Array(CommandLine.arguments.dropFirst())) {
            print(text)
            exit()  // EXIT_SUCCESS, as the parser's own answer
        }
        main()
    }
}
