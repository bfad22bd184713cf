/// A hall the council meets in (`venues/<id>.json`), so its address, accessibility and capacity are typed once and
/// each meeting held there names it (`venue.id`). Public (on notices and the site): `name`, `address`,
/// `accessibility`, `capacity`. Internal: `bookedThrough`, the partner organisation that lets the hall (its contacts
/// are in the directory, so no person's details are kept here), and `notes`.
public struct VenueRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var address: String?
    /// Step-free access, hearing loop, parking, public transport: as the notice should say it.
    public var accessibility: String?
    /// Seats for the public.
    public var capacity: Int?
    public var bookedThrough: String?
    public var notes: String?
    public var extra: UnknownFields = [:]

    /// The fields shown to the public (notices, the site); every other field stays with the team.
    public static let publicFields: Set<String> = ["name", "address", "accessibility", "capacity"]

    public init(id: String, name: String, address: String? = nil, accessibility: String? = nil, capacity: Int? = nil) {
        self.id = id
        self.name = name
        self.address = address
        self.accessibility = accessibility
        self.capacity = capacity
    }

    /// What a meeting held here carries: the public fields, and the record's id.
    public var meetingVenue: Venue {
        var venue = Venue(name: name, address: address, accessibility: accessibility)
        venue.id = id
        return venue
    }

    /// The record a meeting's venue is: by its `id`, else by its name (`ClashRules.venueKey`).
    public static func matching(_ venue: Venue, in records: [VenueRecord]) -> VenueRecord? {
        if let id = venue.id, let found = records.first(where: { $0.id == id }) { return found }
        let key = ClashRules.venueKey(venue)
        guard !key.isEmpty else { return nil }
        return records.first { ClashRules.venueKey(Venue(name: $0.name)) == key }
    }
}

/// The id rule of venue records (`biggleswade-community-centre`): safe as a file name in `venues/`.
public enum VenueKind: RecordKind {
    public static let rule = IdentifierRule(kind: "venue", upperCase: false, maxLength: 100)
}
public typealias VenueID = RecordID<VenueKind>
