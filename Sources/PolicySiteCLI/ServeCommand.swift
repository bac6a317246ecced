import ArgumentParser
import FlyingFox
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
        do {
            _ = try PreviewServer.httpServer(host: host, port: port, handler: NotServing())
        } catch {
            throw ValidationError("'--host \(host)' is not an IP address, expected an address such as 127.0.0.1 or ::1")
        }
    }

    func run() throws {
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Terminal.standardError("warning: --host \(host) is not a loopback address: other computers may be able to see the preview")
        }
        let configuration = PreviewServer.Configuration(
            build: BuildOptions(contentDirectory: content.content, templatesDirectory: templates.templates, asOf: Clock.today()),
            host: host, port: port)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        // ParsableCommand.run is synchronous; the server is async, so run it and wait.
        Task {
            do {
                try await Self.serve(configuration)
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            Terminal.standardError("serve stopped: \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    static func serve(_ configuration: PreviewServer.Configuration) async throws {
        let server = PreviewServer(configuration, report: ServeReporter.report)
        let progress = Progress("Building the site")
        let port: UInt16
        do {
            port = try await server.start()
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        let shownHost = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        Terminal.standardOutput("""
            Serving the preview at http://\(shownHost):\(port)/
            Watching \(configuration.build.contentDirectory)/ and \(configuration.build.templatesDirectory)/ for changes. Press Ctrl-C to stop.
            """)
        await Interrupt.wait()
        await server.stop()
        Terminal.standardOutput("Stopped.")
    }

    /// A handler for the server made only to check `--host`; it never listens.
    private struct NotServing: HTTPHandler {
        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse { HTTPResponse(statusCode: .notFound) }
    }

    private final class Outcome: @unchecked Sendable {
        var error: Error?
    }
}
