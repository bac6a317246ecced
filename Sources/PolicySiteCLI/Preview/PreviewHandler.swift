import FlyingFox

/// Hands each request to the server actor, which holds the current site.
struct PreviewHandler: HTTPHandler {
    let server: PreviewServer

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        await server.respond(to: request)
    }
}
