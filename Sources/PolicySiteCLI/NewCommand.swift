import ArgumentParser

/// `policysite new`: adds a new piece of content to a site.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add new content to the site.",
        subcommands: [NewPolicyCommand.self])
}
