import Foundation
import PolicySite

/// `serve`'s engine: builds the site into memory, serves it on loopback (`HTTPServer`),
/// watches the content and templates folders, and rebuilds when a file changes. A failed
/// rebuild keeps the last good site and reports its errors to the terminal and the page.
final class PreviewServer: @unchecked Sendable {
    struct Configuration: Sendable {
        var build: BuildOptions
        var host = "127.0.0.1"
        /// 0 asks the system for a free port (tests).
        var port: UInt16 = 8000
        /// How often the folders are checked for changes.
        var pollInterval: Duration = .milliseconds(200)
    }

    /// What the terminal is told.
    enum Event: Sendable {
        case built(fileCount: Int, milliseconds: Int, changed: [String], warnings: [Diagnostic])
        case refused(PolicySiteError, keptGeneration: Int?)
        case failed(String)
    }

    /// Why `start()` could not listen, in words for the terminal.
    struct StartError: Error, LocalizedError, Equatable {
        var errorDescription: String?
    }

    /// What the pages see: swapped whole under the lock, so a request sees one build.
    private struct State {
        var site: PreviewSite?
        var errors: [String] = []
        var generation = 0
    }

    let configuration: Configuration
    let address: ListenAddress
    private let report: @Sendable (Event) -> Void
    /// Used only by the thread that rebuilds (`start()`, then the watcher).
    private var builder: PreviewBuilder
    private var contentFingerprint: SourceFingerprint?
    private var templatesFingerprint: SourceFingerprint?
    private let lock = NSLock()
    private var state = State()
    private var http: HTTPServer?
    private var boundPort: UInt16 = 0
    private var stopping = false
    private let wakeWatcher = DispatchSemaphore(value: 0)
    private let watcherEnded = DispatchSemaphore(value: 0)

    /// `configuration.host` must be an address `ListenAddress` accepts (`serve` checks it first).
    init(_ configuration: Configuration, report: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.configuration = configuration
        self.address = ListenAddress(configuration.host) ?? ListenAddress("127.0.0.1")!
        self.report = report
        self.builder = PreviewBuilder(options: configuration.build)
    }

    /// Starts listening, then builds once and starts watching; returns the port it listens on.
    /// Listening comes first, so a port that is taken is reported before any build.
    func start() throws -> UInt16 {
        let server: HTTPServer
        do {
            server = try HTTPServer(address: address, port: configuration.port) { [self] in respond(to: $0) }
        } catch let error as HTTPServer.StartError {
            throw StartError(errorDescription: Self.describe(error, host: configuration.host, port: configuration.port))
        }
        rebuild(changed: [])
        lock.withLock {
            http = server
            boundPort = server.port
        }
        server.start()
        let thread = Thread { [self] in watch() }
        thread.name = "policysite-preview-watch"
        thread.start()
        return server.port
    }

    /// Stops serving and watching; open connections are closed. Returns within about a
    /// second whatever the server is doing: a rebuild under way is left to finish unseen.
    func stop() {
        let server: HTTPServer? = lock.withLock {
            guard !stopping else { return nil }
            stopping = true
            defer { http = nil }  // the server's handler holds this object
            return http
        }
        guard let server else { return }
        server.stop()
        wakeWatcher.signal()
        _ = watcherEnded.wait(timeout: .now() + .milliseconds(300))
    }

    static func describe(_ error: HTTPServer.StartError, host: String, port: UInt16) -> String {
        switch error {
        case .portInUse:
            "port \(port) on \(host) is already in use (another `policysite serve`, perhaps), expected a free port: "
                + "stop the other program or choose another with --port, such as --port \(port == UInt16.max ? 8000 : port + 1) (--port 0 picks any free port)"
        case .permissionDenied:
            "port \(port) on \(host) needs administrator rights, expected a port above 1023: choose one with --port, such as --port 8000"
        case .addressNotAvailable:
            "'--host \(host)' is not an address of this computer, expected a loopback address such as 127.0.0.1 or ::1"
        case .system(let call, let number):
            "could not listen on \(host) port \(port): \(call)() failed with \(String(cString: strerror(number)))"
        }
    }

    // MARK: Building

    private func watch() {
        defer { watcherEnded.signal() }
        while true {
            _ = wakeWatcher.wait(timeout: .now() + .nanoseconds(Int(configuration.pollInterval / .nanoseconds(1))))
            if lock.withLock({ stopping }) { return }
            rebuildIfChanged()
        }
    }

    private func rebuildIfChanged() {
        let content = SourceFingerprint.of(configuration.build.contentDirectory)
        let templates = SourceFingerprint.of(configuration.build.templatesDirectory)
        guard content != contentFingerprint || templates != templatesFingerprint else { return }
        var changed: [String] = []
        if let contentFingerprint { changed += content.changes(since: contentFingerprint).map { "\(configuration.build.contentDirectory)/\($0)" } }
        if let templatesFingerprint { changed += templates.changes(since: templatesFingerprint).map { "\(configuration.build.templatesDirectory)/\($0)" } }
        rebuild(changed: changed)
    }

    /// Fingerprints are taken before reading, so a save during the build is seen next time.
    private func rebuild(changed: [String]) {
        contentFingerprint = SourceFingerprint.of(configuration.build.contentDirectory)
        let templates = SourceFingerprint.of(configuration.build.templatesDirectory)
        templatesFingerprint = templates
        let started = ContinuousClock.now
        do {
            let (content, files) = try builder.rebuild(templatesFingerprint: templates)
            lock.withLock {
                state.generation += 1
                state.site = PreviewSite(generation: state.generation, files: files)
                state.errors = []
            }
            let elapsed = ContinuousClock.now - started
            report(.built(fileCount: files.count, milliseconds: Int(elapsed / .milliseconds(1)), changed: changed, warnings: content.warnings))
        } catch let error as PolicySiteError {
            let kept = lock.withLock {
                state.errors = error.diagnostics.map(\.description)
                return state.site?.generation
            }
            report(.refused(error, keptGeneration: kept))
        } catch {
            lock.withLock { state.errors = [error.localizedDescription] }
            report(.failed(error.localizedDescription))
        }
    }

    // MARK: Serving

    /// The answer to one request. Only requests that name this server in their Host header
    /// are answered (DNS rebinding), and the live-reload status only to the preview's own pages.
    func respond(to request: HTTPRequestHead) -> HTTPResponse {
        let (port, state) = lock.withLock { (boundPort, self.state) }
        guard let host = request.header("host") else {
            return .text(.badRequest, "A Host header is required.")
        }
        guard address.accepts(host: host, port: port) else {
            return .text(.misdirectedRequest, "This preview answers only to http://\(address.urlHost):\(port)/.")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(.methodNotAllowed, "Only GET and HEAD are served.", extra: [("Allow", "GET, HEAD")])
        }
        let path = request.path
        if path.hasPrefix(PreviewPage.prefix) { return ownFile(String(path.dropFirst(PreviewPage.prefix.count)), request: request, host: host, state: state) }
        guard case .inside(let inside) = PreviewPath.resolve(request.target) else {
            return .text(.badRequest, "This address is not allowed.")
        }
        guard let site = state.site else {
            return HTTPResponse(.serviceUnavailable, type: ContentType.of("x.html"), body: PreviewPage.noSiteYet(errors: state.errors, generation: state.generation))
        }
        switch site.lookup(inside) {
        case .file(let file, let contents):
            return servedFile(file, contents, status: .ok, site: site, errors: state.errors)
        case .redirect(let location):
            return .text(.movedPermanently, "See \(location)", extra: [("Location", location)])
        case .notFound:
            guard let page = site.notFoundPage else { return .text(.notFound, "Not found.") }
            return servedFile("404.html", page, status: .notFound, site: site, errors: state.errors)
        }
    }

    private func servedFile(_ path: String, _ contents: Data, status: HTTPStatus, site: PreviewSite, errors: [String]) -> HTTPResponse {
        let type = ContentType.of(path)
        let body = type.hasPrefix("text/html") ? PreviewPage.inject(into: contents, generation: site.generation, errors: errors) : contents
        return HTTPResponse(status, type: type, body: body)
    }

    private func ownFile(_ name: String, request: HTTPRequestHead, host: String, state: State) -> HTTPResponse {
        switch name {
        case "reload.js": return HTTPResponse(.ok, type: ContentType.of(name), body: Data(PreviewPage.reloadScript.utf8))
        case "preview.css": return HTTPResponse(.ok, type: ContentType.of(name), body: Data(PreviewPage.stylesheet.utf8))
        case "status.json":
            // The errors quote the author's files: only the preview's own pages may read them.
            guard Self.isSameOrigin(request, host: host) else {
                return .text(.forbidden, "The preview's status is for its own pages only.")
            }
            return HTTPResponse(.ok, type: ContentType.of(name), body: PreviewPage.status(generation: state.site?.generation ?? state.generation, errors: state.errors))
        default: return .text(.notFound, "Not found.")
        }
    }

    /// A browser says where a request comes from: `Sec-Fetch-Site` (every current browser)
    /// and, for fetches that are not same-origin, `Origin`. Either, when present, must say
    /// this server; a request with neither (curl, a test) is not from another site's page.
    static func isSameOrigin(_ request: HTTPRequestHead, host: String) -> Bool {
        if let site = request.header("sec-fetch-site"), site != "same-origin" { return false }
        if let origin = request.header("origin"), origin.lowercased() != "http://\(host.lowercased())" { return false }
        return true
    }
}
