import FlyingFox
import Foundation
import PolicySite

/// `serve`'s engine: builds the site into memory, serves it on loopback with FlyingFox,
/// watches the content and templates folders, and rebuilds when a file changes. A failed
/// rebuild keeps the last good site and reports its errors to the terminal and the page.
actor PreviewServer {
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

    let configuration: Configuration
    private let report: @Sendable (Event) -> Void
    private var builder: PreviewBuilder
    private var site: PreviewSite?
    private var errors: [String] = []
    private var generation = 0
    private var contentFingerprint: SourceFingerprint?
    private var templatesFingerprint: SourceFingerprint?
    private var http: HTTPServer?
    private var serverTask: Task<Void, Error>?
    private var watchTask: Task<Void, Never>?

    init(_ configuration: Configuration, report: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.configuration = configuration
        self.report = report
        self.builder = PreviewBuilder(options: configuration.build)
    }

    /// Builds once, starts listening and watching; returns the port it listens on.
    func start() async throws -> UInt16 {
        rebuild(changed: [])
        let server = try Self.httpServer(host: configuration.host, port: configuration.port, handler: PreviewHandler(server: self))
        http = server
        serverTask = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            // run() has failed (the port is taken, say): report its error, not the wait's.
            if let serverTask, case .failure(let reason) = await serverTask.result { throw reason }
            throw error
        }
        let port: UInt16
        switch await server.listeningAddress {
        case .ip4(_, let bound), .ip6(_, let bound): port = bound
        default: port = configuration.port
        }
        let interval = configuration.pollInterval
        watchTask = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await self?.rebuildIfChanged()
            }
        }
        return port
    }

    /// Stops watching and serving; open connections are closed.
    func stop() async {
        watchTask?.cancel()
        await watchTask?.value
        watchTask = nil
        await http?.stop(timeout: 0.2)
        serverTask?.cancel()
        _ = await serverTask?.result
        serverTask = nil
        http = nil
    }

    /// A FlyingFox server for `host` (an IPv4 or IPv6 address, or "localhost"); throws for anything else.
    static func httpServer(host: String, port: UInt16, handler: some HTTPHandler) throws -> HTTPServer {
        let host = host == "localhost" ? "127.0.0.1" : host
        if host.contains(":") {
            return HTTPServer(address: try .inet6(ip6: host, port: port), timeout: 30, logger: .disabled, handler: handler)
        }
        return HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30, logger: .disabled, handler: handler)
    }

    // MARK: Building

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
            generation += 1
            site = PreviewSite(generation: generation, files: files)
            errors = []
            let elapsed = ContinuousClock.now - started
            report(.built(fileCount: files.count, milliseconds: Int(elapsed / .milliseconds(1)), changed: changed, warnings: content.warnings))
        } catch let error as PolicySiteError {
            errors = error.diagnostics.map(\.description)
            report(.refused(error, keptGeneration: site?.generation))
        } catch {
            errors = [error.localizedDescription]
            report(.failed(error.localizedDescription))
        }
    }

    // MARK: Serving

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Data("Only GET and HEAD are served.\n".utf8),
                                 extra: [.init("Allow"): "GET, HEAD"])
        }
        let raw = request.target.path()
        if raw.hasPrefix(PreviewPage.prefix) { return ownFile(String(raw.dropFirst(PreviewPage.prefix.count))) }
        guard case .inside(let path) = PreviewPath.resolve(raw) else {
            return Self.response(.badRequest, type: "text/plain; charset=utf-8", body: Data("This address is not allowed.\n".utf8))
        }
        guard let site else {
            return Self.response(.serviceUnavailable, type: ContentType.of("x.html"), body: PreviewPage.noSiteYet(errors: errors, generation: generation))
        }
        switch site.lookup(path) {
        case .file(let file, let contents):
            return servedFile(file, contents, status: .ok, site: site)
        case .redirect(let location):
            return Self.response(.movedPermanently, type: "text/plain; charset=utf-8", body: Data("See \(location)\n".utf8), extra: [.location: location])
        case .notFound:
            guard let page = site.notFoundPage else {
                return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Data("Not found.\n".utf8))
            }
            return servedFile("404.html", page, status: .notFound, site: site)
        }
    }

    private func servedFile(_ path: String, _ contents: Data, status: HTTPStatusCode, site: PreviewSite) -> HTTPResponse {
        let type = ContentType.of(path)
        let body = type.hasPrefix("text/html") ? PreviewPage.inject(into: contents, generation: site.generation, errors: errors) : contents
        return Self.response(status, type: type, body: body)
    }

    private func ownFile(_ name: String) -> HTTPResponse {
        switch name {
        case "reload.js": Self.response(.ok, type: ContentType.of(name), body: Data(PreviewPage.reloadScript.utf8))
        case "preview.css": Self.response(.ok, type: ContentType.of(name), body: Data(PreviewPage.stylesheet.utf8))
        case "status.js": Self.response(.ok, type: ContentType.of(name), body: PreviewPage.statusScript(generation: site?.generation ?? generation, errors: errors))
        default: Self.response(.notFound, type: "text/plain; charset=utf-8", body: Data("Not found.\n".utf8))
        }
    }

    static func response(_ status: HTTPStatusCode, type: String, body: Data, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: [HTTPHeader: String] = [
            .contentType: type,
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        headers.merge(extra) { _, new in new }
        return HTTPResponse(statusCode: status, headers: HTTPHeaders(headers), body: body)
    }
}
