import ArgumentParser
import Foundation
import PolicySite

/// `policysite serve`: a live preview while the site is edited.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilding and reloading the page on every save.",
        discussion: """
            The site is built into memory (site/ is never touched) and served on this computer only. \
            When a file in the content or templates folder changes, the site is rebuilt and open pages reload. \
            A change that cannot be built keeps the last good site on screen, with the errors in a banner and here. \
            Press Ctrl-C to stop.
            """)

    @OptionGroup var content: ContentOption
    @OptionGroup var templates: TemplatesOption
    @Option(name: .long, help: ArgumentHelp("The address to listen on; keep it a loopback address such as 127.0.0.1 or ::1.", valueName: "address"))
    var host = "127.0.0.1"
    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "port"))
    var port: UInt16 = 8000

    func validate() throws {
        guard ListenAddress(host) != nil else {
            throw ValidationError("'--host \(host)' is not an IP address, expected an address such as 127.0.0.1 or ::1")
        }
    }

    func run() throws {
        if ListenAddress(host)?.isLoopback != true {
            Terminal.standardError("warning: --host \(host) is not a loopback address: other computers may be able to see the preview")
        }
        let configuration = PreviewServer.Configuration(
            build: BuildOptions(contentDirectory: content.content, templatesDirectory: templates.templates, asOf: Clock.today()),
            host: host, port: port)
        let server = PreviewServer(configuration, report: ServeReporter.report)
        let interrupt = Interrupt.listen(farewell: "Stopped.")
        let progress = Progress("Building the site")
        let port: UInt16
        do {
            port = try server.start()
            progress.finish()
        } catch {
            progress.finish()
            Terminal.standardError("error: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        Terminal.standardOutput("""
            Serving the preview at http://\(server.address.urlHost):\(port)/
            Watching \(configuration.build.contentDirectory)/ and \(configuration.build.templatesDirectory)/ for changes. Press Ctrl-C to stop.
            """)
        interrupt.wait()
        server.stop()
        interrupt.sayFarewell()
    }
}
