import Foundation

/// A resident who raised an issue from the floor and asked to be told what became of it: their consent, an
/// address given for that purpose only, and the messages sent. Personal data, kept apart from the record in a
/// file that stays on the machine where it was taken (`.forumdesk-residents.json`, never synced or published),
/// shown (`resident show`), erased on request (`resident erase`) and removed by `purge` once the issue is closed
/// and its meeting is past the retention date.
public struct ResidentContact: Sendable, Equatable {
    /// The issue they raised (`R-2026-014`) and the meeting it was raised at.
    public var issue: String
    public var meeting: String
    /// When they gave their consent to be told (recorded by the note-taker).
    public var consentedAt: Date
    /// Where to tell them: an e-mail address, else a postal address (lines).
    public var email: String?
    public var postalAddress: [String] = []
    /// One of the meeting's notice languages they chose, if not English.
    public var language: String?
    /// The messages sent (or queued) to them, oldest first.
    public var told: [Told] = []

    public struct Told: Sendable, Equatable {
        public var at: Date
        /// `outbox/residents/<file>` for an e-mail; a letter is recorded by hand.
        public var file: String
        public init(at: Date, file: String) {
            self.at = at
            self.file = file
        }
    }

    public init(
        issue: String, meeting: String, consentedAt: Date, email: String? = nil, postalAddress: [String] = [],
        language: String? = nil, told: [Told] = []
    ) {
        self.issue = issue
        self.meeting = meeting
        self.consentedAt = consentedAt
        self.email = email
        self.postalAddress = postalAddress
        self.language = language
        self.told = told
    }
}
