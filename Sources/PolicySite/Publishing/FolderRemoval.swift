import Foundation

/// Deletes a folder tree this tool made, even one made read-only since (`chmod -R a-w site`):
/// each folder is made writable by its owner before it is emptied. Symbolic links are
/// removed, never followed.
enum FolderRemoval {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func remove(_ path: String) throws(Failure) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            guard unlink(path) == 0 || errno == ENOENT else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            return
        }
        if info.st_mode & 0o700 != 0o700 { _ = chmod(path, (info.st_mode & 0o7777) | 0o700) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw Failure(path: path, reason: error.localizedDescription)
        }
        for entry in entries {
            try remove(path + "/" + entry)
        }
        guard rmdir(path) == 0 || errno == ENOENT else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }
}
