import Mustache

// Every view model answers swift-mustache's key lookups itself. Without this, swift-mustache
// finds each `{{key}}` with a `Mirror` of the whole struct (every field's name demangled, on
// every lookup, at every level of the context stack): `perf` put 57% of a 1,000-policy build
// there. A switch is the same answer without reflection; `ViewModelLookupTests` checks each
// type answers exactly what `Mirror` would (an optional that is nil answers nil, so the lookup
// goes on up the stack as before).

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "organisation": organisation
        case "contact": contact
        case "pageTitle": pageTitle
        case "description": description
        case "root": root
        case "asOf": asOf
        case "asOfISO": asOfISO
        case "isHome": isHome
        case "isGovernorsPage": isGovernorsPage
        case "isTransparencyPage": isTransparencyPage
        case "hasReport": hasReport
        default: nil
        }
    }
}

extension PolicyPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "slug": slug
        case "url": url
        case "title": title
        case "summary": summary
        case "owner": owner
        case "lastUpdated": lastUpdated
        case "lastUpdatedISO": lastUpdatedISO
        case "nextReview": nextReview
        case "review": review
        case "bodyHTML": bodyHTML
        case "contents": contents
        case "hasContents": hasContents
        case "history": history
        case "hasHistory": hasHistory
        case "reviewSummary": reviewSummary
        default: nil
        }
    }
}

extension PolicyPageView.ContentsEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        default: nil
        }
    }
}

extension PolicyPageView.HistoryEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "reviewed": reviewed
        case "reviewedISO": reviewedISO
        case "note": note
        default: nil
        }
    }
}

extension ReviewStatusView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "status": status
        case "statusLabel": statusLabel
        case "statusSentence": statusSentence
        case "isCurrent": isCurrent
        case "isDueSoon": isDueSoon
        case "isOverdue": isOverdue
        case "nextReviewISO": nextReviewISO
        case "dueSoonFromISO": dueSoonFromISO
        case "overdueFromISO": overdueFromISO
        default: nil
        }
    }
}

extension IndexPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "policies": policies
        case "policyCount": policyCount
        case "overdueSummary": overdueSummary
        case "dueSoonSummary": dueSoonSummary
        case "allCurrent": allCurrent
        default: nil
        }
    }
}

extension GovernorsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "rows": rows
        case "summary": summary
        case "dueSoonMonths": dueSoonMonths
        default: nil
        }
    }
}

extension GovernorsPageView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "lastUpdated": lastUpdated
        case "lastUpdatedISO": lastUpdatedISO
        case "nextReview": nextReview
        case "review": review
        case "timing": timing
        default: nil
        }
    }
}

extension TransparencyPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "isExampleData": isExampleData
        case "hasIncidents": hasIncidents
        case "periodSentence": periodSentence
        case "suppressionSentence": suppressionSentence
        case "releasesSentence": releasesSentence
        case "hasYears": hasYears
        case "runningPeriod": runningPeriod
        case "headlines": headlines
        case "yearChartSVG": yearChartSVG
        case "yearTable": yearTable
        case "categoryTable": categoryTable
        case "actionTable": actionTable
        case "monthChartSVG": monthChartSVG
        case "monthTable": monthTable
        case "accounts": accounts
        case "timeToAction": timeToAction
        case "categories": categories
        case "actions": actions
        default: nil
        }
    }
}

extension TransparencyPageView.Figure: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension TransparencyPageView.Headline: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "figures": figures
        default: nil
        }
    }
}

extension TransparencyPageView.TableRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "header": header
        case "cells": cells
        case "isTotal": isTotal
        default: nil
        }
    }
}

extension TransparencyPageView.Table: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "columns": columns
        case "rows": rows
        default: nil
        }
    }
}

extension TransparencyPageView.Definition: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "description": description
        default: nil
        }
    }
}
