import Foundation
#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
private let noSignal: Int32 = 0  // SO_NOSIGPIPE is set on each socket instead
#endif

/// A small HTTP/1.1 server for the preview: one listening socket, one thread per
/// connection, one request per connection. It needs no networking library (no URLSession,
/// no libcurl), reads at most the request head, within limits and a time limit, and stops
/// at once: `stop()` wakes the accepting thread and shuts every open connection down.
final class HTTPServer: @unchecked Sendable {
    /// Why the server could not start listening.
    enum StartError: Error, Equatable {
        case portInUse
        case permissionDenied
        case addressNotAvailable
        case system(call: String, errno: Int32)
    }

    /// Connections served at once; more are answered 503 at once. One browser opens six.
    static let connectionLimit = 64
    /// The time a client has to send its request head; then 408.
    static let headTimeout: Duration = .seconds(10)
    /// After answering, what is left of a request is read and dropped for at most this long
    /// (or this many bytes), so the client reads the answer instead of a reset connection.
    static let drainTime: Duration = .seconds(1)
    static let drainBytes = 8 << 20

    let address: ListenAddress
    /// The port it listens on (the one the system chose when asked for 0).
    let port: UInt16
    private let listener: Int32
    private let wakePipe: (read: Int32, write: Int32)
    private let handler: @Sendable (HTTPRequestHead) -> HTTPResponse
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopped = false
    private var started = false
    private let acceptLoopEnded = DispatchSemaphore(value: 0)

    /// Binds and listens on `address`, `port`; nothing is served until `start()`.
    init(address: ListenAddress, port: UInt16, handler: @escaping @Sendable (HTTPRequestHead) -> HTTPResponse) throws {
        self.address = address
        self.handler = handler
        let family = if case .v6 = address.ip { AF_INET6 } else { AF_INET }
        let listening = socket(family, streamSocket, 0)
        guard listening >= 0 else { throw StartError.system(call: "socket", errno: errno) }
        _ = fcntl(listening, F_SETFD, FD_CLOEXEC)
        var yes: Int32 = 1
        setsockopt(listening, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if family == AF_INET6 { setsockopt(listening, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size)) }
        // `bind` takes either address form as a `sockaddr` pointer and its size.
        func bindSocket<Address>(_ socketAddress: Address) -> Int32 {
            withUnsafePointer(to: socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, socklen_t(MemoryLayout<Address>.size)) }
            }
        }
        let bound: Int32
        switch address.ip {
        case .v4(let bytes):
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            withUnsafeMutableBytes(of: &socketAddress.sin_addr) { $0.copyBytes(from: bytes) }
            bound = bindSocket(socketAddress)
        case .v6(let bytes):
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = port.bigEndian
            withUnsafeMutableBytes(of: &socketAddress.sin6_addr) { $0.copyBytes(from: bytes) }
            bound = bindSocket(socketAddress)
        }
        guard bound == 0, listen(listening, 128) == 0 else {
            let error = errno
            close(listening)
            switch error {
            case EADDRINUSE: throw StartError.portInUse
            case EACCES: throw StartError.permissionDenied
            case EADDRNOTAVAIL: throw StartError.addressNotAvailable
            default: throw StartError.system(call: bound == 0 ? "listen" : "bind", errno: error)
            }
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
        }
        self.port = withUnsafeBytes(of: &storage) { raw in
            // sin_port and sin6_port both sit right after the 2-byte family, in network order.
            UInt16(raw[2]) << 8 | UInt16(raw[3])
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let error = errno
            close(listening)
            throw StartError.system(call: "pipe", errno: error)
        }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        listener = listening
        wakePipe = (pipeEnds[0], pipeEnds[1])
    }

    deinit {
        if !started {
            close(listener)
            close(wakePipe.read)
            close(wakePipe.write)
        }
    }

    /// Starts accepting connections on a thread of its own.
    func start() {
        lock.withLock { started = true }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "policysite-preview-accept"
        thread.start()
    }

    /// Stops listening and shuts every open connection down; returns once the port is free
    /// and the connections are closed (or after 0.3 s, whatever they are doing).
    func stop() {
        let wasStarted: Bool = lock.withLock {
            if stopped { return false }
            stopped = true
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
            return started
        }
        guard wasStarted else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
        acceptLoopEnded.wait()
        close(wakePipe.read)
        close(wakePipe.write)
        let deadline = ContinuousClock.now + .milliseconds(300)
        while ContinuousClock.now < deadline, !lock.withLock({ connections.isEmpty }) {
            usleep(5_000)
        }
    }

    private func acceptLoop() {
        defer {
            close(listener)
            acceptLoopEnded.signal()
        }
        while true {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            let client = accept(listener, nil, nil)
            if client < 0 {
                // Out of descriptors, say: wait a moment rather than spin.
                if errno != EINTR && errno != EAGAIN && errno != ECONNABORTED { usleep(10_000) }
                continue
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            #if canImport(Darwin)
            var yes: Int32 = 1
            setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
            #endif
            let admitted: Bool = lock.withLock {
                guard !stopped, connections.count < Self.connectionLimit else { return false }
                connections.insert(client)
                return true
            }
            guard admitted else {
                let busy = HTTPResponse.text(.serviceUnavailable, "The preview is serving too many connections; try again.").serialised()
                _ = busy.withUnsafeBytes { send(client, $0.baseAddress, $0.count, noSignal | Int32(MSG_DONTWAIT)) }
                close(client)
                continue
            }
            let thread = Thread { [self] in serve(client) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Reads one request head, answers it, and closes.
    private func serve(_ connection: Int32) {
        defer {
            lock.withLock { _ = connections.remove(connection) }
            close(connection)
        }
        var sendTimeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var reader = HTTPRequestReader()
        var buffer = [UInt8](repeating: 0, count: 8192)
        let deadline = ContinuousClock.now + Self.headTimeout
        var outcome = HTTPRequestReader.Outcome.needMore
        while outcome == .needMore {
            guard Self.waitReadable(connection, until: deadline) else {
                outcome = .refused(.requestTimeout, reason: "The request did not arrive in time.")
                break
            }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return }  // closed before a whole head arrived: nothing to answer
            outcome = reader.append(buffer[..<count])
        }
        let response: HTTPResponse
        var includingBody = true
        switch outcome {
        case .complete(let head):
            response = handler(head)
            includingBody = head.method != "HEAD"
        case .refused(let status, let reason):
            response = .text(status, reason)
        case .needMore:
            return
        }
        guard Self.sendAll(response.serialised(includingBody: includingBody), to: connection) else { return }
        shutdown(connection, Int32(SHUT_WR))
        Self.drain(connection)
    }

    /// Waits until `connection` has bytes (or is closed); false once `deadline` passes.
    private static func waitReadable(_ connection: Int32, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return false }
            var fd = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&fd, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { return true }  // let recv() report it
        }
    }

    private static func sendAll(_ data: Data, to connection: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }  // empty: nothing to send
            var offset = 0
            while offset < raw.count {
                let sent = send(connection, base + offset, raw.count - offset, noSignal)
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Reads and drops what the client still sends, until it closes, within the limits.
    private static func drain(_ connection: Int32) {
        let deadline = ContinuousClock.now + drainTime
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var total = 0
        while total < drainBytes, waitReadable(connection, until: deadline) {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            total += count
        }
    }
}
