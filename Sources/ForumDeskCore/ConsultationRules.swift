import Foundation

/// What a consultation needs: references that hold, dates in order, a safe link, and once closed its results
/// ("you said, we did": a consultation whose results are never published breaks seed 000's feedback principle).
public enum ConsultationRules {
    /// Consultations closed before `today` with no results recorded, longest waiting first.
    public static func awaitingResults(_ consultations: [Consultation], today: CalendarDate) -> [Consultation] {
        consultations.filter { $0.stage(on: today) == .awaitingResults }.sorted {
            ($0.closes, $0.id) < ($1.closes, $1.id)
        }
    }

    /// "Library opening hours (library-opening-hours) closed on 2026-11-02, 21 days ago: no results recorded".
    public static func reminder(_ c: Consultation, today: CalendarDate) -> String {
        let days = today.daysSinceEpoch - c.closes.daysSinceEpoch
        return "\(c.title) (\(c.id)) closed on \(c.closes), \(days) day\(days == 1 ? "" : "s") ago: no results recorded"
    }

    /// Every problem in the consultations: unknown areas, wards, organisation, contact, topics, meetings or items;
    /// closing before opening; a link that is not `https://`; counts that add up to more than the responses.
    /// `unreadableMeetings`: ids of meeting files that could not be read, already reported as such: a reference to
    /// one is not also called unknown.
    public static func problems(
        _ consultations: [Consultation], directory: Directory, meetings: [Meeting],
        topics: [TopicRequest], unreadableMeetings: Set<String> = []
    ) -> [Problem] {
        var validator = Validator(directory: directory)
        let topicIDs = Set(topics.map(\.id))
        let agendas = Dictionary(
            meetings.map { ($0.id, Set($0.agenda.map(\.number))) }, uniquingKeysWith: { a, _ in a })
        for c in consultations {
            let file = DataFileRef.consultation(id: c.id)
            validator.checkOrganisation(c.organisation, file, [.key("organisation")])
            validator.checkPerson(c.contact, file, [.key("contact")])
            for (i, area) in c.areas.enumerated() where !validator.areaIDs.contains(area) {
                validator.report(file, [.key("areas"), .index(i)], "unknown area `\(area)`")
            }
            for (i, ward) in c.wards.enumerated() where validator.wardArea[ward] == nil {
                validator.report(file, [.key("wards"), .index(i)], "unknown ward `\(ward)`")
            }
            if c.closes < c.opens {
                validator.report(file, [.key("closes")], "it closes (\(c.closes)) before it opens (\(c.opens))")
            }
            if let link = c.link,
                let problem = OnlineJoining.linkProblem(link)
                    ?? (link.lowercased().hasPrefix("tel:") ? "a web link is needed" : nil)
            {
                validator.report(file, [.key("link")], problem)
            }
            for (i, topic) in c.topics.enumerated() where !topicIDs.contains(topic) {
                validator.report(file, [.key("topics"), .index(i)], "unknown topic `\(topic)`")
            }
            for (i, item) in c.items.enumerated() {
                guard let numbers = agendas[item.meeting] else {
                    if !unreadableMeetings.contains(item.meeting) {
                        validator.report(
                            file, [.key("items"), .index(i), .key("meeting")], "unknown meeting `\(item.meeting)`")
                    }
                    continue
                }
                if !numbers.contains(item.item) {
                    validator.report(
                        file, [.key("items"), .index(i), .key("item")],
                        "meeting `\(item.meeting)` has no agenda item \(item.item)")
                }
            }
            if let responses = c.responses {
                for (category, counts) in c.equality.sorted(by: { $0.key < $1.key })
                where counts.values.reduce(0, +) > responses {
                    validator.report(
                        file, [.key("equality"), .key(category)],
                        "\(counts.values.reduce(0, +)) counted by \(category) but \(responses) responses in all")
                }
            }
            if c.changes != nil, c.results == nil {
                validator.report(
                    file, [.key("changes")], "\"what we did\" is recorded but not the results it follows from")
            }
        }
        return validator.problems
    }
}
