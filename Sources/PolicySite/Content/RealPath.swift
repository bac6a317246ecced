import Foundation

/// A path resolved the way the kernel resolves it: made absolute, every symbolic link followed
/// and each `.` and `..` applied where it stands. Unlike realpath(3), the last parts need not
/// exist (the output folder of a first build), and a failure says which link is at fault.
enum RealPath {
    enum Failure: Error, Equatable {
        /// More links followed than the kernel allows (40): a loop. Names the link where it was seen.
        case loop(String)
        /// A part of the path that should be a folder is a file.
        case notAFolder(String)
    }

    static func resolve(_ path: String, from currentDirectory: String = FileManager.default.currentDirectoryPath) throws(Failure) -> String {
        var resolved: [Substring] = path.hasPrefix("/") ? [] : components(currentDirectory)
        var pending = Array(components(path).reversed())
        var followed = 0
        var missing = false  // once a part does not exist, the rest is taken as written
        while let part = pending.popLast() {
            if part == "." { continue }
            if part == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            let candidate = "/" + (resolved + [part]).joined(separator: "/")
            if !missing {
                var info = stat()
                if lstat(candidate, &info) != 0 {
                    if errno == ENOTDIR { throw .notAFolder("/" + resolved.joined(separator: "/")) }
                    missing = true
                } else if info.st_mode & S_IFMT == S_IFLNK {
                    followed += 1
                    guard followed <= 40, let target = linkTarget(candidate) else { throw .loop(candidate) }
                    if target.hasPrefix("/") { resolved = [] }
                    pending.append(contentsOf: components(target).reversed())
                    continue
                } else if info.st_mode & S_IFMT != S_IFDIR, !pending.isEmpty {
                    throw .notAFolder(candidate)
                }
            }
            resolved.append(part)
        }
        return "/" + resolved.joined(separator: "/")
    }

    /// True when `path` is `folder` or lies below it (both resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    private static func components(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
