import Foundation

/// `feed.xml`: an Atom (RFC 4287) feed with one entry per policy update, so parents can
/// follow changes. An update is a `last-updated` date or a `history` review; the two are one
/// entry when they fall on the same date.
///
/// Every byte is derived from the input: entry ids are `tag:` URIs (RFC 4151) made of the
/// base URL's host, the update's date, the slug and the date again, and `updated` is the day
/// of the update (see `updated(_:asOf:)`) at noon UTC, never the clock. A review's entry says
/// what its approved text changed.
public enum AtomFeed {
    /// One update of one policy.
    struct Entry {
        var policy: Policy
        var date: ReviewDate
        var note: String?
        var isReview: Bool
        var isLatest = false
    }

    public static func xml(for site: Site) -> String {
        let configuration = site.configuration
        let host = ReviewCalendar.host(of: configuration.baseURL)
        let entries = self.entries(of: site)
        let feedUpdated = entries.map { updated($0, asOf: site.asOf) }.max().map(timestamp) ?? timestamp(site.asOf)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLEscaping.escape(configuration.language))">
          <id>\(XMLEscaping.escape(configuration.baseURL + "feed.xml"))</id>
          <title>\(XMLEscaping.escape(configuration.title))</title>
          <subtitle>\(XMLEscaping.escape("New and reviewed policies of \(configuration.organisation)."))</subtitle>
          <updated>\(feedUpdated)</updated>
          <author><name>\(XMLEscaping.escape(configuration.organisation))</name></author>
          <link rel="self" type="application/atom+xml" href="\(XMLEscaping.escape(configuration.baseURL + "feed.xml"))"/>
          <link rel="alternate" type="text/html" href="\(XMLEscaping.escape(configuration.baseURL))"/>
          <generator>policysite</generator>

        """
        for entry in entries {
            let document = entry.policy.document
            let page = configuration.baseURL + "policies/\(document.slug)/"
            let day = entry.date.firstDay
            let id = "tag:\(host),\(day):policies/\(document.slug)/\(entry.date)"
            let verb = entry.isReview ? "reviewed" : "updated"
            var summary = "\(document.title) was \(verb) \(entry.date.withPreposition)."
            if let note = entry.note { summary += " \(note)" + (note.last.map { ".!?".contains($0) } ?? true ? "" : ".") }
            if let changes = ReviewChanges(reviewOn: entry.date, of: entry.policy) { summary += " \(changes.summary)" }
            // Only the newest update knows the next review date; older ones would contradict it.
            if entry.isLatest { summary += " Next review due \(document.nextReview.spelledOut)." }
            xml += """
              <entry>
                <id>\(XMLEscaping.escape(id))</id>
                <title>\(XMLEscaping.escape("\(document.title) \(verb) \(entry.date.spelledOut)"))</title>
                <updated>\(timestamp(updated(entry, asOf: site.asOf)))</updated>
                <link rel="alternate" type="text/html" href="\(XMLEscaping.escape(page))"/>
                <summary>\(XMLEscaping.escape(summary))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// Every update of every policy, newest first (ties by title, then slug).
    static func entries(of site: Site) -> [Entry] {
        var entries: [Entry] = []
        var policyIndices: [Int] = []
        for (policyIndex, policy) in site.policies.enumerated() {
            defer { policyIndices += Array(repeating: policyIndex, count: entries.count - policyIndices.count) }
            let document = policy.document
            var dates = Set<ReviewDate>()
            for review in document.history where dates.insert(review.reviewed).inserted {
                entries.append(Entry(policy: policy, date: review.reviewed, note: review.note, isReview: true))
            }
            if dates.insert(document.lastUpdated).inserted {
                entries.append(Entry(policy: policy, date: document.lastUpdated, note: nil, isReview: false))
            }
            if let latest = dates.max(), let index = entries.lastIndex(where: { $0.policy.slug == policy.slug && $0.date == latest }) {
                entries[index].isLatest = true
            }
        }
        // Sort keys worked out once, not in every comparison (lowering titles there was 2% of a
        // 1,000-policy build's instructions, callgrind), giving the same order: a date's first
        // and last day (`ReviewDate`'s `<` compares exactly those, and two dates are equal
        // exactly when both are), then the policy's rank by title and slug (`Site.titleRanks`).
        // The indices are sorted, not the entries: moving an entry copies its whole policy.
        let ranks = site.titleRanks()
        let keys = entries.indices.map { (first: Self.ordinal(entries[$0].date.firstDay), last: Self.ordinal(entries[$0].date.lastDay), rank: ranks[policyIndices[$0]]) }
        return keys.indices.sorted { a, b in
            (keys[b].first, keys[b].last, keys[a].rank) < (keys[a].first, keys[a].last, keys[b].rank)
        }.map { entries[$0] }
    }

    /// A day as one number in the same order (`CalendarDay`'s `<` compares year, month, day).
    static func ordinal(_ day: CalendarDay) -> Int {
        (day.year * 100 + day.month) * 100 + day.day
    }

    /// The day an entry is dated: the day `policysite review` recorded the review, when its
    /// approved version says so; otherwise a day-precision date itself; otherwise (a month)
    /// the month's last day, by which the review had happened. A recorded day or a month's
    /// last day after the as-of day gives way to the as-of day (never before the date's first
    /// day), so that no entry is dated after the day the site is built for.
    static func updated(_ entry: Entry, asOf: CalendarDay) -> CalendarDay {
        if let recorded = entry.policy.versions.first(where: { $0.approved == entry.date })?.recorded {
            return max(entry.date.firstDay, min(recorded, asOf))
        }
        switch entry.date {
        case .day(let day): return day
        case .month(let month): return max(month.firstDay, min(month.lastDay, asOf))
        }
    }

    /// `2016-09-30T12:00:00Z`: an RFC 3339 date-time at noon UTC, so the date reads the same
    /// in every time zone from UTC−11 to UTC+11.
    static func timestamp(_ day: CalendarDay) -> String {
        "\(day)T12:00:00Z"
    }
}
