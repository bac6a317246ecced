import ArgumentParser
import Testing
@testable import PolicySiteCLI

@Suite struct EarlyAnswerTests {
    /// What the parser prints for these arguments on its normal path (`main()`: parse, then
    /// `exit(withError:)`), and whether it exits cleanly.
    func parsersAnswer(_ arguments: [String], columns: Int) -> (text: String, clean: Bool) {
        do {
            var command = try PolicySiteCommand.parseAsRoot(arguments)
            guard String(describing: type(of: command)) == "HelpCommand" else { return ("(parsed \(type(of: command)))", false) }
            try command.run()  // the parser's help command: throws its help request
            return ("(ran a command)", false)
        } catch {
            return (PolicySiteCommand.fullMessage(for: error, columns: columns),
                    PolicySiteCommand.exitCode(for: error) == .success)
        }
    }

    @Test(arguments: [["--version"], ["--help"], ["-h"], ["help"]], [80, 120, 40])
    func theEarlyAnswerIsTheParsersOwn(arguments: [String], columns: Int) throws {
        let early = try #require(PolicySiteCommand.earlyAnswer(to: arguments, columns: columns))
        let parsers = parsersAnswer(arguments, columns: columns)
        #expect(parsers.clean)
        #expect(early == parsers.text)
        #expect(!early.isEmpty)
    }

    @Test func theVersionIsTheConfiguredOne() {
        #expect(PolicySiteCommand.earlyAnswer(to: ["--version"]) == "0.1.0")
    }

    @Test(arguments: [[], ["build"], ["build", "--help"], ["--version", "build"], ["--help", "--version"], ["status", "--version"], ["--help-hidden"]])
    func anythingElseIsLeftToTheParser(arguments: [String]) {
        #expect(PolicySiteCommand.earlyAnswer(to: arguments) == nil)
    }
}
