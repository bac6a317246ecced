import Foundation

/// The file reads the load stage makes, as closures so tests can supply their own.
public struct FileIO: Sendable {
    public var read: @Sendable (String) throws -> Data
    public var list: @Sendable (String) throws -> [String]
    public var isDirectory: @Sendable (String) -> Bool
    public var exists: @Sendable (String) -> Bool
    /// The path with every symbolic link followed (see `RealPath`); throws a FILE error for a loop.
    public var resolve: @Sendable (String) throws -> String

    public init(read: @escaping @Sendable (String) throws -> Data, list: @escaping @Sendable (String) throws -> [String],
                isDirectory: @escaping @Sendable (String) -> Bool, exists: @escaping @Sendable (String) -> Bool,
                resolve: @escaping @Sendable (String) throws -> String = FileIO.resolveOnDisk) {
        self.read = read
        self.list = list
        self.isDirectory = isDirectory
        self.exists = exists
        self.resolve = resolve
    }

    /// The real file system.
    public static let disk = FileIO(
        read: { path in try readRegularFile(path) },
        list: { path in try FileManager.default.contentsOfDirectory(atPath: path).sorted() },
        isDirectory: { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        },
        exists: { path in FileManager.default.fileExists(atPath: path) })

    /// Reads `path`, which must lead to a file inside `folder` even through symbolic links:
    /// nothing outside the content and templates folders is ever read into the site (a link to
    /// `/proc/self/environ` or to a document elsewhere on the machine is refused, naming it).
    /// `folderName` says which folder it is in messages ("content", "templates").
    public func read(_ path: String, inside folder: String, folderName: String) throws -> Data {
        try checkInside(path, folder: folder, folderName: folderName)
        return try read(path)
    }

    /// Throws a FILE error naming `path` when it leads outside `folder`.
    func checkInside(_ path: String, folder: String, folderName: String) throws {
        if Self.isPlainlyInside(path, folder) { return }
        let real = try resolve(path), realFolder = try resolve(folder)
        if real != realFolder, RealPath.isInside(real, realFolder) { return }
        var info = stat()
        let isLink = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
        // A link's own absolute target reads better than where it ends (`/proc/self/environ`, not `/proc/4242/environ`).
        let shown = isLink ? RealPath.linkTarget(path).flatMap { $0.hasPrefix("/") ? $0 : nil } ?? real : real
        throw PolicySiteError(.error(at: SourceLocation(file: path), "\(isLink ? "this is a symbolic link to" : "this leads to") '\(shown)', outside the \(folderName) folder '\(folder)'; nothing outside it is published",
                                     expected: "a file inside the \(folderName) folder (copy the file in rather than linking to it)"))
    }

    /// True when `path` is `folder/…` and nothing after `folder` is a symbolic link or `..`:
    /// then it is inside whatever `folder` itself leads to, known from two `lstat`s for a
    /// policy instead of resolving both paths from `/` (a thousand policies, every build).
    static func isPlainlyInside(_ path: String, _ folder: String) -> Bool {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        guard path.hasPrefix(base) else { return false }
        let parts = path.dropFirst(base.count).split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { return false }
        var current = String(base.dropLast())
        for part in parts {
            current += "/" + part
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return false }
        }
        return true
    }

    /// `RealPath.resolve`, its failures as FILE errors.
    public static let resolveOnDisk: @Sendable (String) throws -> String = { path in try resolve(path) }

    /// `RealPath.resolve` from `currentDirectory`, its failures as FILE errors.
    static func resolve(_ path: String, from currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        do {
            return try RealPath.resolve(path, from: currentDirectory)
        } catch .loop(let link) {
            throw PolicySiteError(.error(at: SourceLocation(file: path), "the symbolic link '\(link)' leads round in a loop",
                                         expected: "a link to a file, or the file itself"))
        } catch .notAFolder(let file) {
            throw PolicySiteError(.error(at: SourceLocation(file: path), "'\(file)' is a file, not a folder",
                                         expected: "a path through folders"))
        }
    }

    /// The bytes of a regular file. A folder, a pipe, a device or a socket is a FILE error
    /// rather than a hang (a FIFO), an endless read (`/dev/zero`) or Foundation's
    /// "NSCocoaErrorDomain error 256".
    static func readRegularFile(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw readError(path, errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw readError(path, errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw PolicySiteError(.error(at: SourceLocation(file: path), "this is a folder, not a file", expected: "a file here (rename the folder if it is not meant to be one)"))
        default:
            throw PolicySiteError(.error(at: SourceLocation(file: path), "this is not a regular file (a pipe, device or socket)", expected: "a regular file"))
        }
        var data = Data(capacity: Int(info.st_size))
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw readError(path, errno)
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }

    private static func readError(_ path: String, _ code: Int32) -> PolicySiteError {
        let at = SourceLocation(file: path)
        switch code {
        case ENOENT:
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                return PolicySiteError(.error(at: at, "this symbolic link leads to a file that does not exist", expected: "a link to an existing file, or the file itself"))
            }
            return PolicySiteError(.error(at: at, "the file does not exist", expected: "an existing file"))
        case ELOOP:
            return PolicySiteError(.error(at: at, "this symbolic link leads round in a loop", expected: "a link to a file, or the file itself"))
        default:
            return PolicySiteError(.error(at: at, "the file could not be read: \(String(cString: strerror(code)))", expected: "a file the build may read"))
        }
    }
}
