import Foundation
import PolicySite
@testable import PolicySiteCLI
import Testing

/// The preview server end to end: a real site on disk, a real socket, real edits.
@Suite(.serialized) struct PreviewServerTests {
    static func makeSite() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        for file in SiteScaffold.files(month: CalendarMonth(year: 2026, month: 9)!) {
            try folder.write(file.path, String(decoding: file.contents, as: UTF8.self))
        }
        return folder
    }

    static func start(_ folder: TemporaryDirectory, port: UInt16 = 0) throws -> (PreviewServer, UInt16) {
        let options = BuildOptions(contentDirectory: folder.file("content"), templatesDirectory: folder.file("templates"),
                                   asOf: CalendarDay(year: 2026, month: 11, day: 24)!)
        let server = PreviewServer(PreviewServer.Configuration(build: options, host: "127.0.0.1", port: port))
        let bound = try server.start()
        return (server, bound)
    }

    /// Fetches `target` until `condition` holds or `limit` passes; returns the response and the time it took.
    static func waitFor(_ target: String, port: UInt16, within limit: Duration,
                        _ condition: (RawHTTPClient.Response) -> Bool) async throws -> (RawHTTPClient.Response, Duration) {
        let started = ContinuousClock.now
        while true {
            let response = try RawHTTPClient.get(target, port: port)
            let elapsed = ContinuousClock.now - started
            if condition(response) || elapsed > limit { return (response, elapsed) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func servesPagesWithTheirTypesAndThe404Page() async throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }

        let home = try RawHTTPClient.get("/", port: port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("About these policies"))
        #expect(home.body.contains("<script src=\"/__policysite/reload.js\""))

        let policy = try RawHTTPClient.get("/policies/about-these-policies/", port: port)
        #expect(policy.status == 200)
        #expect(policy.body.contains("<h1"))

        let css = try RawHTTPClient.get("/assets/site.css", port: port)
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("__policysite"), "only HTML gets the reload script")

        #expect(try RawHTTPClient.get("/sitemap.xml", port: port).headers["content-type"] == "application/xml; charset=utf-8")
        #expect(try RawHTTPClient.get("/__policysite/reload.js", port: port).headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(try RawHTTPClient.get("/__policysite/preview.css", port: port).headers["content-type"] == "text/css; charset=utf-8")

        let missing = try RawHTTPClient.get("/no-such-page/", port: port)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.body.contains("Page not found"), "the site's own 404.html")

        let bare = try RawHTTPClient.get("/policies/about-these-policies", port: port)
        #expect(bare.status == 301)
        #expect(bare.headers["location"] == "/policies/about-these-policies/")

        #expect(try RawHTTPClient.get("/policies/", port: port).status == 404, "no directory listing")
        #expect(try RawHTTPClient.get("/", port: port, method: "POST").status == 405)
        server.stop()
    }

    @Test(arguments: ["/../content/site.yml", "/policies/../../content/site.yml", "/%2e%2e/content/site.yml", "/%2E%2e/%2e%2E/etc/passwd",
                      "/policies%2f..%2f..%2fcontent%2fsite.yml", "/..\\content\\site.yml", "/a%5c..%5csite.yml", "/index.html%00.css", "/.%2e/content/site.yml"])
    func refusesEveryWayOutOfTheSite(target: String) async throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        let response = try RawHTTPClient.get(target, port: port)
        server.stop()
        #expect([400, 404].contains(response.status), "\(target) gave \(response.status)")
        #expect(!response.body.contains("organisation:"), "\(target) leaked site.yml")
        #expect(!response.body.contains("root:"), "\(target) leaked /etc/passwd")
    }

    @Test func rebuildsOnEditAndKeepsTheLastGoodPageWhenAnEditBreaksIt() async throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        let page = "/policies/about-these-policies/"
        let policy = "content/policies/about-these-policies.md"
        let original = try folder.read(policy)
        #expect(try RawHTTPClient.get(page, port: port).body.contains("About these policies"))

        try folder.write(policy, original.replacingOccurrences(of: "title: About these policies", with: "title: How our policies work"))
        let (edited, took) = try await Self.waitFor(page, port: port, within: .seconds(2)) { $0.body.contains("How our policies work") }
        #expect(edited.body.contains("How our policies work"))
        #expect(took < .seconds(1), "the rebuild took \(took)")
        #expect(edited.body.contains("data-generation=\"2\""))

        try folder.write(policy, original.replacingOccurrences(of: "title: About these policies", with: "title: How our policies work")
            .replacingOccurrences(of: "next-review: September 2027", with: "next-review: Smarch 2027"))
        let (status, _) = try await Self.waitFor("/__policysite/status.json", port: port, within: .seconds(2)) { $0.body.contains("Smarch") }
        #expect(status.headers["content-type"] == "application/json")
        #expect(status.body.contains("about-these-policies.md:"))
        #expect(status.body.contains("\"generation\":2"), "the served site is still the last good one")
        let broken = try RawHTTPClient.get(page, port: port)
        #expect(broken.status == 200)
        #expect(broken.body.contains("How our policies work"), "the last good page is still served")
        #expect(broken.body.contains("<div id=\"policysite-preview-errors\" role=\"alert\">"))
        #expect(broken.body.contains("error: &#39;next-review&#39;") || broken.body.contains("error: 'next-review'"))

        try folder.write(policy, original)
        let (fixed, _) = try await Self.waitFor(page, port: port, within: .seconds(2)) { !$0.body.contains("policysite-preview-errors") }
        #expect(!fixed.body.contains("policysite-preview-errors"))
        #expect(fixed.body.contains("data-generation=\"3\""))
        server.stop()
        #expect(throws: (any Error).self, "the server no longer listens after stop()") { try RawHTTPClient.get("/", port: port) }
    }

    @Test func reusesParsedTemplatesUntilATemplateChanges() async throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let options = BuildOptions(contentDirectory: folder.file("content"), templatesDirectory: folder.file("templates"),
                                   asOf: CalendarDay(year: 2026, month: 11, day: 24)!)
        var builder = PreviewBuilder(options: options)
        let before = SourceFingerprint.of(options.templatesDirectory)
        _ = try builder.rebuild(templatesFingerprint: before)
        #expect(builder.hasCachedTemplates)
        try folder.write("templates/404.mustache", "{{<layout}}{{$main}}<h1>Gone fishing</h1>{{/main}}{{/layout}}\n")
        let after = SourceFingerprint.of(options.templatesDirectory)
        #expect(after != before)
        let (_, files) = try builder.rebuild(templatesFingerprint: after)
        #expect(files.first { $0.path == "404.html" }.map { String(decoding: $0.contents, as: UTF8.self).contains("Gone fishing") } == true)
    }

    // MARK: Hostile and careless requests (issue 18)

    @Test func twoOneMegabyteAddressesAreRefusedAndANormalRequestIsStillAnsweredAtOnce() async throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }
        let huge = Array("GET /\(String(repeating: "a", count: 1 << 20)) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        // Both at once, as the report that found the hang sent them.
        async let first = Task.detached { try RawHTTPClient.send(huge, port: port) }.value
        async let second = Task.detached { try RawHTTPClient.send(huge, port: port) }.value
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        let normal = try RawHTTPClient.get("/", port: port)
        let took = ContinuousClock.now - started
        #expect(normal.status == 200)
        #expect(took < .seconds(1), "the normal request took \(took)")
        #expect(try await first.status == 414)
        #expect(try await second.status == 414)
    }

    @Test func headersOverTheLimitAre431AndTheServerCarriesOn() throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }
        let response = try RawHTTPClient.get("/", port: port, headers: [("Cookie", String(repeating: "c", count: 64 * 1024))])
        #expect(response.status == 431)
        #expect(try RawHTTPClient.get("/", port: port).status == 200)
    }

    @Test func aSlowClientHoldsOnlyItsOwnConnection() throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }
        var idle: [Int32] = []
        defer { idle.forEach { close($0) } }
        for _ in 0..<10 {
            let socket = try RawHTTPClient.connect(port: port)
            _ = Array("GET / HTTP/1.1\r\nHo".utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            idle.append(socket)
        }
        let started = ContinuousClock.now
        #expect(try RawHTTPClient.get("/", port: port).status == 200)
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func aRequestThatNamesAnotherHostIsRefused() throws {
        // DNS rebinding: a page at http://attacker.example:PORT/ whose name now resolves to 127.0.0.1.
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }
        let rebound = try RawHTTPClient.get("/policies/about-these-policies/", port: port, host: "attacker.example:\(port)")
        #expect(rebound.status == 421)
        #expect(!rebound.body.contains("About these policies"))
        #expect(try RawHTTPClient.get("/__policysite/status.json", port: port, host: "attacker.example:\(port)").status == 421)
        #expect(try RawHTTPClient.get("/", port: port, host: "").status == 400, "no Host header at all")
        #expect(try RawHTTPClient.get("/", port: port, host: "localhost:\(port)").status == 200)
    }

    @Test func theStatusIsJSONForThePreviewsOwnPagesOnly() throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }
        let own = try RawHTTPClient.get("/__policysite/status.json", port: port,
                                        headers: [("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Mode", "cors")])
        #expect(own.status == 200)
        #expect(own.headers["content-type"] == "application/json")
        #expect(own.body == "{\"errors\":[],\"generation\":1}")
        #expect(try RawHTTPClient.get("/__policysite/status.json", port: port, headers: [("Sec-Fetch-Site", "cross-site")]).status == 403,
                "another site's <script src> or fetch")
        #expect(try RawHTTPClient.get("/__policysite/status.json", port: port, headers: [("Sec-Fetch-Site", "same-site")]).status == 403)
        #expect(try RawHTTPClient.get("/__policysite/status.json", port: port, headers: [("Origin", "http://attacker.example")]).status == 403)
        #expect(try RawHTTPClient.get("/__policysite/status.json", port: port, headers: [("Origin", "http://127.0.0.1:\(port)")]).status == 200)
        #expect(try RawHTTPClient.get("/__policysite/status.js", port: port).status == 404, "no JSONP")
        let page = try RawHTTPClient.get("/", port: port)
        #expect(page.body.contains("connect-src 'self'"), "the preview's pages may fetch the status")
        #expect(page.headers["cross-origin-resource-policy"] == "same-origin")
    }

    @Test func aSecondServerOnTheSamePortSaysSoAtOnce() throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }
        let started = ContinuousClock.now
        #expect(throws: PreviewServer.StartError(errorDescription:
            "port \(port) on 127.0.0.1 is already in use (another `policysite serve`, perhaps), expected a free port: "
            + "stop the other program or choose another with --port, such as --port \(port + 1) (--port 0 picks any free port)")) {
            _ = try Self.start(folder, port: port)
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    // MARK: The command as a process

    /// `policysite serve --port PORT` in `folder`, once it prints its address; a watchdog kills it after 20 s.
    static func launchServe(in folder: TemporaryDirectory, port: UInt16 = 0) throws -> (Process, Pipe, UInt16?, String) {
        let process = Process()
        process.executableURL = PolicySiteProcess.executable
        process.arguments = ["serve", "--port", String(port)]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { if process.isRunning { process.terminate() } }
        var text = ""
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return (process, output, nil, text) }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                return (process, output, UInt16(text[range].split(separator: ":").last!.dropLast()), text)
            }
        }
    }

    @Test func serveOnABusyPortStopsAtOnceNamingThePortAndTheWayOut() throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (server, port) = try Self.start(folder)
        defer { server.stop() }
        let started = ContinuousClock.now
        let result = try PolicySiteProcess.run(["serve", "--port", String(port)], in: folder.path)
        #expect(ContinuousClock.now - started < .seconds(2), "it used to wait 10 s")
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: port \(port) on 127.0.0.1 is already in use"))
        #expect(result.standardError.contains("--port \(port + 1)"))
        #expect(!result.standardError.contains("SocketError"))
    }

    @Test func theServeCommandStopsCleanlyOnCtrlC() throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (process, output, port, text) = try Self.launchServe(in: folder)
        let bound = try #require(port, "serve printed no address: \(text)")
        #expect(try RawHTTPClient.get("/", port: bound).status == 200)
        #expect(!FileManager.default.fileExists(atPath: folder.file("site")), "serve never writes site/")

        kill(process.processIdentifier, SIGINT)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: rest, as: UTF8.self).contains("Stopped."))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func theServeCommandStopsWithinASecondWhileClientsHoldConnectionsOpen(signal: Int32) throws {
        let folder = try Self.makeSite()
        defer { folder.remove() }
        let (process, output, port, text) = try Self.launchServe(in: folder)
        let bound = try #require(port, "serve printed no address: \(text)")
        var idle: [Int32] = []
        defer { idle.forEach { close($0) } }
        for index in 0..<8 {
            let socket = try RawHTTPClient.connect(port: bound)
            // Half a request head, or a huge address still being sent.
            let partial = index % 2 == 0 ? "GET / HTTP/1.1\r\nHost: 127" : "GET /" + String(repeating: "a", count: 4000)
            _ = Array(partial.utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            idle.append(socket)
        }
        let started = ContinuousClock.now
        kill(process.processIdentifier, signal)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let took = ContinuousClock.now - started
        #expect(took < .seconds(1), "serve took \(took) to stop")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: rest, as: UTF8.self).contains("Stopped."))
    }
}
