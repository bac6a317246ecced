import Foundation

/// The load stage's part for the report: streams the site's moderation log into statistics.
public struct ModerationLogLoader: Sendable {
    public var io: FileIO

    public init(io: FileIO = .disk) {
        self.io = io
    }

    /// The statistics of the log named in site.yml (relative to the content directory), or nil
    /// when there is no such file: a site without a log has no transparency report.
    /// `today` is the real day: entries after it are refused; entries between `asOf` and it are left out.
    public func load(configuration: SiteConfiguration, contentDirectory: String, asOf: CalendarDay, today: CalendarDay? = nil) throws -> ReportStatistics? {
        let path = (contentDirectory as NSString).appendingPathComponent(configuration.moderationLogPath)
        guard io.exists(path) else { return nil }
        try io.checkInside(path, folder: contentDirectory, folderName: "content")
        return try ModerationLogReader(configuration: configuration, asOf: asOf, latestDate: today).read(path: path)
    }
}
