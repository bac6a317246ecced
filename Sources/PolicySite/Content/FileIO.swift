import Foundation

/// The file reads the load stage makes, as closures so tests can supply their own.
public struct FileIO: Sendable {
    public var read: @Sendable (String) throws -> Data
    public var list: @Sendable (String) throws -> [String]
    public var isDirectory: @Sendable (String) -> Bool
    public var exists: @Sendable (String) -> Bool

    public init(read: @escaping @Sendable (String) throws -> Data, list: @escaping @Sendable (String) throws -> [String],
                isDirectory: @escaping @Sendable (String) -> Bool, exists: @escaping @Sendable (String) -> Bool) {
        self.read = read
        self.list = list
        self.isDirectory = isDirectory
        self.exists = exists
    }

    /// The real file system.
    public static let disk = FileIO(
        read: { path in try Data(contentsOf: URL(fileURLWithPath: path)) },
        list: { path in try FileManager.default.contentsOfDirectory(atPath: path).sorted() },
        isDirectory: { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        },
        exists: { path in FileManager.default.fileExists(atPath: path) })
}
