/// Every key the record files use (`forumdesk.json`, the directory, topic requests, meetings), classified once by
/// what it holds of people: what erasure (`PersonalData`), purging (`Retention`) and publishing must treat. A key
/// the codecs write that is in none of these sets fails `RecordFieldsTests`, so a new field that names a person
/// cannot silently escape `person erase`.
public enum RecordFields {
    /// Names a person in the directory, by id or by name: cleared, replaced by "(name removed)" or reassigned by
    /// `PersonalData.erase` (and by `Retention.purge` for old meetings).
    public static let namesAPerson: Set<String> = [
        "chair", "presenter", "presenterName", "person", "name", "substituteFor", "councillor", "owner", "contact",
        "delegatedTo", "to", "by",
    ]
    /// A person's own contact details, held only in their directory entry (which erasure removes).
    public static let contactDetails: Set<String> = [
        "email", "phone", "postalAddress", "preferredContact", "delegates",
    ]
    /// Free text that may mention anyone: scrubbed of an erased person's identity by the store's text rule, and of
    /// contact details before anything is published.
    public static let freeText: Set<String> = [
        "title", "description", "discussion", "minutes", "notes", "outcome", "publicNotes", "text", "answer",
        "feedback",
        "comment", "deliveryNote", "reason", "cancellationReason", "purpose", "nature",
        "instructions", "summary", "results", "changes",
    ]
    /// Names an officer of the team (their login, on a machine), never a resident or partner: not in the directory.
    public static let staff: Set<String> = ["queuedOn"]
    /// Holds nothing about a person: ids of records, dates, counts, statuses, areas, organisations, settings.
    public static let impersonal: Set<String> = [
        "accessibility", "action", "actions", "address", "agenda", "area", "areas", "at", "attendance", "council",
        "coverageRules", "declarations", "delivery", "due", "end", "ended", "engagementLevel", "equality",
        "equalityCategories", "frontline", "id", "invitations", "issues", "item", "itemInProgress", "kind", "languages",
        "meeting", "method", "notAfter", "notBefore", "noticeTitles", "notifications", "number", "organisation",
        "organisations", "organiserAddress", "organiserEmail", "organiserName", "people", "raisedAt", "received",
        "reminderIntervalDays", "reminders", "repliedAt", "reply", "required", "residentsPresent", "role",
        "sampleToday", "schema", "sector", "sendmail", "sentAt", "sequence", "start", "status", "tags", "topic",
        "updates", "venue", "wards", "withdrawn", "minutesApproved", "checkedForPublication", "replyUnverified",
        "messageID",
        "online", "url", "dialIn", "published", "onlineOnly", "residentsOnline",
        "opens", "closes", "methods", "link", "topics", "responses", "items",
        "closedDays", "preElectionPeriods", "date", "from", "until", "label", "place",
        "rules", "first", "everyWeeks", "nth", "weekday", "everyMonths", "time", "lengthMinutes", "whenClosed",
        "capacity", "bookedThrough",
    ]

    /// A resident's consent to be told what became of their issue (`ResidentContact`): kept only in the machine's
    /// `.forumdesk-residents.json`, never in a record file, never published; shown by `resident show`, removed by
    /// `resident erase` and `purge`. (`email` and `postalAddress` are classified above, as contact details.)
    public static let residentContact: Set<String> = ["consentedAt", "language", "told", "file", "residents", "issue"]

    /// Every classified key.
    public static var all: [Set<String>] {
        [namesAPerson, contactDetails, freeText, staff, impersonal, residentContact]
    }
}
