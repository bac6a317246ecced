import ArgumentParser

/// `policysite`: the root command; each job is a subcommand.
public struct PolicySiteCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policysite",
        abstract: "Publish an organisation's policies, their review status and a transparency report as a static website.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, StatusCommand.self, ReviewCommand.self,
                      ServeCommand.self, NewCommand.self, InitCommand.self, ImportCommand.self, AnonymiseCommand.self])

    public init() {}
}
