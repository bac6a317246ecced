import ArgumentParser

/// `policysite`: the root command; each job is a subcommand.
public struct PolicySiteCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policysite",
        abstract: "Publish an organisation's policies, their review status and a transparency report as a static website.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, StatusCommand.self, ReviewCommand.self,
                      CheckCommand.self, ServeCommand.self, InitCommand.self, NewCommand.self])

    public init() {}
}
