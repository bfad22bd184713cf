import Foundation

/// Checks references and ordering across the whole data set. Pure: the caller gives "now".
public struct Validator {
    let directory: Directory
    let areaIDs: Set<String>
    let wardArea: [String: String]
    let people: [String: Person]
    let organisationIDs: Set<String>
    private(set) var problems: [Problem] = []

    public init(directory: Directory) {
        self.directory = directory
        areaIDs = Set(directory.areas.map(\.id))
        var wardArea: [String: String] = [:]
        for area in directory.areas {
            for ward in area.wards where wardArea[ward.id] == nil { wardArea[ward.id] = area.id }
        }
        self.wardArea = wardArea
        people = Dictionary(directory.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        organisationIDs = Set(directory.organisations.map(\.id))
    }

    /// Every problem in the directory, the meetings and the topic requests, in file order. Without `topics`,
    /// agenda items' and issues' links to topics are not checked.
    public static func validate(
        directory: Directory, meetings: [Meeting], topics: [TopicRequest]? = nil, now: Date
    ) -> [Problem] {
        var validator = Validator(directory: directory)
        validator.checkDirectory()
        var actionIDs: [String: String] = [:]
        var issueIDs: [String: String] = [:]
        let ordered = meetings.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) })
        for meeting in ordered {
            validator.check(meeting, now: now)
            validator.checkUnique(meeting.actions.map(\.id), "actions", "action", in: meeting, firstSeen: &actionIDs)
            validator.checkUnique(meeting.issues.map(\.id), "issues", "issue", in: meeting, firstSeen: &issueIDs)
        }
        let topicIDs = topics.map { Set($0.map(\.id)) }
        for meeting in ordered {
            let file = DataFileRef.meeting(id: meeting.id)
            for (i, issue) in meeting.issues.enumerated() {
                if let action = issue.action, actionIDs[action] == nil {
                    validator.report(file, [.key("issues"), .index(i), .key("action")], "unknown action `\(action)`")
                }
                if let topic = issue.topic, let topicIDs, !topicIDs.contains(topic) {
                    validator.report(file, [.key("issues"), .index(i), .key("topic")], "unknown topic `\(topic)`")
                }
            }
            guard let topicIDs, let topics else { continue }
            for (i, item) in meeting.agenda.enumerated() {
                if let topic = item.topic, !topicIDs.contains(topic) {
                    validator.report(file, [.key("agenda"), .index(i), .key("topic")], "unknown topic `\(topic)`")
                }
            }
            for breach in TopicRules.breaches(of: meeting, topics: topics, now: now) {
                let i = meeting.agenda.firstIndex { $0.number == breach.item } ?? 0
                validator.report(file, [.key("agenda"), .index(i), .key("topic")], breach.message)
            }
        }
        for topic in topics ?? [] { validator.check(topic) }
        return validator.problems
    }

    /// Ids that must be unique across meetings (actions, issues): each repeat is reported where it stands.
    mutating func checkUnique(
        _ ids: [String], _ field: String, _ noun: String, in meeting: Meeting, firstSeen: inout [String: String]
    ) {
        for (i, id) in ids.enumerated() {
            if let first = firstSeen[id] {
                report(
                    .meeting(id: meeting.id), [.key(field), .index(i), .key("id")],
                    "duplicate \(noun) id `\(id)` (first raised at meeting `\(first)`)")
            } else {
                firstSeen[id] = meeting.id
            }
        }
    }

    mutating func check(_ topic: TopicRequest) {
        let file = DataFileRef.topic(id: topic.id)
        checkOrganisation(topic.organisation, file, [.key("organisation")])
        checkPerson(topic.contact, file, [.key("contact")])
        for (i, area) in topic.areas.enumerated() where !areaIDs.contains(area) {
            report(file, [.key("areas"), .index(i)], "unknown area `\(area)`")
        }
        if let first = topic.notBefore, let last = topic.notAfter, last < first {
            report(file, [.key("notAfter")], "the window closes (\(last)) before it opens (\(first))")
        }
        if topic.status == .declined, topic.reason?.isEmpty ?? true {
            report(file, [.key("reason")], "a declined request needs the reason given to the partner")
        }
    }

    mutating func report(_ file: DataFileRef, _ path: FieldPath, _ message: String) {
        problems.append(Problem(file: file, path: path, message: message))
    }

    mutating func checkDirectory() {
        var seenAreas: Set<String> = []
        var seenWards: Set<String> = []
        for (a, area) in directory.areas.enumerated() {
            if !seenAreas.insert(area.id).inserted {
                report(.areas, [.key("areas"), .index(a), .key("id")], "duplicate area id `\(area.id)`")
            }
            for (w, ward) in area.wards.enumerated() where !seenWards.insert(ward.id).inserted {
                report(
                    .areas, [.key("areas"), .index(a), .key("wards"), .index(w), .key("id")],
                    "duplicate ward id `\(ward.id)`")
            }
        }
        for (r, rule) in directory.coverageRules.enumerated() {
            if let area = rule.area, !areaIDs.contains(area) {
                report(.areas, [.key("coverageRules"), .index(r), .key("area")], "unknown area `\(area)`")
            }
        }
        var seenPeople: Set<String> = []
        for (p, person) in directory.people.enumerated() {
            let at: FieldPath = [.key("people"), .index(p)]
            if !seenPeople.insert(person.id).inserted {
                report(.people, at + [.key("id")], "duplicate person id `\(person.id)`")
            }
            for (w, ward) in person.wards.enumerated() where wardArea[ward] == nil {
                report(.people, at + [.key("wards"), .index(w)], "unknown ward `\(ward)`")
            }
            if person.kind == .councillor, person.wards.isEmpty {
                report(.people, at + [.key("wards")], "councillor `\(person.id)` has no wards")
            }
            if let org = person.organisation, !organisationIDs.contains(org) {
                report(.people, at + [.key("organisation")], "unknown organisation `\(org)`")
            }
            if let email = person.email, let problem = EmailAddress.problem(email) {
                report(.people, at + [.key("email")], "e-mail: \(problem)")
            }
            if let problem = PostalAddress.problem(person.postalAddress) {
                report(.people, at + [.key("postalAddress")], "postal address: \(problem)")
            } else if !person.postalAddress.isEmpty,
                let problem = LetterWindow.problem(LetterWindow.block(person, directory))
            {
                report(.people, at + [.key("postalAddress")], "postal address: no letter can be made: \(problem)")
            }
        }
        var seenOrganisations: Set<String> = []
        for (o, org) in directory.organisations.enumerated() {
            let at: FieldPath = [.key("organisations"), .index(o)]
            if !seenOrganisations.insert(org.id).inserted {
                report(.organisations, at + [.key("id")], "duplicate organisation id `\(org.id)`")
            }
            for (i, area) in org.areas.enumerated() where !areaIDs.contains(area) {
                report(.organisations, at + [.key("areas"), .index(i)], "unknown area `\(area)`")
            }
            if let email = org.email, let problem = EmailAddress.problem(email) {
                report(.organisations, at + [.key("email")], "e-mail: \(problem)")
            }
        }
    }

    mutating func checkPerson(_ id: String?, _ file: DataFileRef, _ path: FieldPath, councillor: Bool = false) {
        guard let id else { return }
        guard let person = people[id] else { return report(file, path, "unknown person `\(id)`") }
        if councillor, person.kind != .councillor { report(file, path, "`\(id)` is not a councillor") }
    }

    mutating func checkOrganisation(_ id: String?, _ file: DataFileRef, _ path: FieldPath) {
        if let id, !organisationIDs.contains(id) { report(file, path, "unknown organisation `\(id)`") }
    }

    mutating func check(_ meeting: Meeting, now: Date) {
        let file = DataFileRef.meeting(id: meeting.id)
        if !areaIDs.contains(meeting.area) { report(file, [.key("area")], "unknown area `\(meeting.area)`") }
        if meeting.wards.isEmpty { report(file, [.key("wards")], "a meeting must cover at least one ward") }
        for (w, ward) in meeting.wards.enumerated() {
            guard let area = wardArea[ward] else {
                report(file, [.key("wards"), .index(w)], "unknown ward `\(ward)`")
                continue
            }
            if area != meeting.area, areaIDs.contains(meeting.area) {
                report(file, [.key("wards"), .index(w)], "ward `\(ward)` is in area `\(area)`, not `\(meeting.area)`")
            }
        }
        if meeting.end <= meeting.start {
            report(
                file, [.key("end")],
                "the meeting ends (\(LondonTime.iso(meeting.end))) before it starts (\(LondonTime.iso(meeting.start)))")
        }
        if meeting.status == .held, meeting.start > now {
            report(file, [.key("status")], "marked held but starts in the future")
        }
        checkPerson(meeting.chair, file, [.key("chair")])
        for problem in meeting.online?.problems ?? [] {
            report(file, [.key("online"), .key(problem.field)], problem.message)
        }
        if let online = meeting.residentsOnline, online > (meeting.residentsPresent ?? 0) {
            report(
                file, [.key("residentsOnline")],
                "\(online) residents online but \(meeting.residentsPresent ?? 0) present in all")
        }
        if meeting.online == nil, meeting.residentsOnline ?? 0 > 0 || meeting.attendance.contains(where: \.online) {
            report(file, [.key("online")], "people joined online but the meeting has no joining details (`online`)")
        }

        let numbers = meeting.agenda.map(\.number)
        if numbers != Array(1..<(numbers.count + 1)) {
            let found = numbers.map(String.init).joined(separator: ", ")
            report(file, [.key("agenda")], "agenda items must be numbered 1, 2, 3… in order; found \(found)")
        }
        for (i, item) in meeting.agenda.enumerated() {
            checkPerson(item.presenter, file, [.key("agenda"), .index(i), .key("presenter")])
            checkOrganisation(item.organisation, file, [.key("agenda"), .index(i), .key("organisation")])
        }
        for (i, invitation) in meeting.invitations.enumerated() {
            checkOrganisation(invitation.organisation, file, [.key("invitations"), .index(i), .key("organisation")])
            checkPerson(invitation.person, file, [.key("invitations"), .index(i), .key("person")])
        }
        for (i, entry) in meeting.attendance.enumerated() {
            let at: FieldPath = [.key("attendance"), .index(i)]
            checkPerson(entry.person, file, at + [.key("person")])
            checkOrganisation(entry.organisation, file, at + [.key("organisation")])
            if entry.substituteFor != Retention.removedName {
                checkPerson(entry.substituteFor, file, at + [.key("substituteFor")])
            }
            if entry.person == nil, entry.name == nil {
                report(file, at, "an attendance entry needs a `person` or a `name`")
            }
            if entry.status == .substitute, entry.substituteFor == nil {
                report(file, at + [.key("status")], "a substitute needs `substituteFor`: the person stood in for")
            }
        }
        let itemNumbers = Set(numbers)
        for (i, declaration) in meeting.declarations.enumerated() {
            checkPerson(declaration.person, file, [.key("declarations"), .index(i), .key("person")])
            if !itemNumbers.contains(declaration.item) {
                report(file, [.key("declarations"), .index(i), .key("item")], "no agenda item \(declaration.item)")
            }
        }
        // Notices go to ward councillors and to the contacts of invited partners.
        let partnerContacts = Set(meeting.invitations.compactMap(\.person))
        for (i, notice) in meeting.notifications.enumerated() {
            checkPerson(
                notice.councillor, file, [.key("notifications"), .index(i), .key("councillor")],
                councillor: !partnerContacts.contains(notice.councillor))
        }
        for (i, action) in meeting.actions.enumerated() {
            let at: FieldPath = [.key("actions"), .index(i)]
            checkPerson(action.owner, file, at + [.key("owner")])
            checkOrganisation(action.organisation, file, at + [.key("organisation")])
            if let item = action.item, !itemNumbers.contains(item) {
                report(file, at + [.key("item")], "no agenda item \(item)")
            }
        }
        for (i, issue) in meeting.issues.enumerated() {
            if let item = issue.item, !itemNumbers.contains(item) {
                report(file, [.key("issues"), .index(i), .key("item")], "no agenda item \(item)")
            }
        }
    }
}
