/// A ward of an SNT area. Its councillors are the people whose `wards` name it.
public struct Ward: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var extra: UnknownFields = [:]
    public init(id: String, name: String, extra: UnknownFields = [:]) {
        self.id = id
        self.name = name
        self.extra = extra
    }
}

/// One of the seven Safer Neighbourhood Team areas.
public struct Area: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var wards: [Ward]
    public var extra: UnknownFields = [:]
    public init(id: String, name: String, wards: [Ward], extra: UnknownFields = [:]) {
        self.id = id
        self.name = name
        self.wards = wards
        self.extra = extra
    }
}

/// The partner roles that must be represented at meetings of an area (nil: every area) and kind (nil: every kind).
public struct CoverageRule: Sendable, Equatable {
    public var area: String?
    public var kind: MeetingKind?
    public var required: [PartnerRole]
    public var extra: UnknownFields = [:]
    public init(area: String?, kind: MeetingKind?, required: [PartnerRole], extra: UnknownFields = [:]) {
        self.area = area
        self.kind = kind
        self.required = required
        self.extra = extra
    }
    public func applies(to meeting: Meeting) -> Bool {
        (area == nil || area == meeting.area) && (kind == nil || kind == meeting.kind)
    }
}

/// A councillor or a partner contact.
public struct Person: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var kind: PersonKind
    /// Councillors: the wards they represent.
    public var wards: [String] = []
    /// Contacts: the organisation they work for.
    public var organisation: String?
    /// Job title or role, e.g. "Sergeant, Sandy and Biggleswade SNT".
    public var title: String?
    public var email: String?
    public var phone: String?
    public var preferredContact: ContactMethod?
    /// Where a letter goes (`forumdesk letters`): the lines as printed, at most `PostalAddress.maxLines`; empty
    /// when none is known. Personal data: never published, covered by `person show` and `person erase`.
    public var postalAddress: [String] = []
    /// Addresses that may answer a notice for this person (a councillor's assistant): a calendar reply sent from
    /// one of them counts as theirs.
    public var delegates: [String] = []
    public var extra: UnknownFields = [:]
    public init(
        id: String, name: String, kind: PersonKind, wards: [String] = [], organisation: String? = nil,
        title: String? = nil, email: String? = nil, phone: String? = nil,
        preferredContact: ContactMethod? = nil, postalAddress: [String] = [], extra: UnknownFields = [:]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.wards = wards
        self.organisation = organisation
        self.title = title
        self.email = email
        self.phone = phone
        self.preferredContact = preferredContact
        self.postalAddress = postalAddress
        self.extra = extra
    }
}

/// A partner organisation, or a council directorate.
public struct Organisation: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var sector: Sector
    /// A frontline council directorate (strategy item 31: always represented).
    public var frontline: Bool = false
    /// Areas it serves; empty means all.
    public var areas: [String] = []
    public var email: String?
    public var phone: String?
    public var extra: UnknownFields = [:]
    public init(
        id: String, name: String, sector: Sector, frontline: Bool = false, areas: [String] = [],
        email: String? = nil, phone: String? = nil, extra: UnknownFields = [:]
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.frontline = frontline
        self.areas = areas
        self.email = email
        self.phone = phone
        self.extra = extra
    }

    /// The coverage roles this organisation fills.
    public var roles: Set<PartnerRole> { Set(PartnerRole.allCases.filter(fills)) }

    /// Whether it fills `role`: asked for every line of every meeting's attendance, so it builds no set.
    public func fills(_ role: PartnerRole) -> Bool {
        switch sector {
        case .councilDirectorate: role == .councilDirectorate || (frontline && role == .frontlineDirectorate)
        case .police: role == .police
        case .fireAndRescue: role == .fireAndRescue
        case .health: role == .health
        case .education: role == .education
        case .business: role == .business
        case .townOrParishCouncil: role == .townOrParishCouncil
        case .voluntaryAndCommunity: role == .voluntaryAndCommunity
        case .other: false
        }
    }
}

/// Areas, wards, coverage rules, people and organisations: everything that is not a meeting.
public struct Directory: Sendable, Equatable {
    public var areas: [Area]
    public var coverageRules: [CoverageRule]
    public var people: [Person] { didSet { personIndex = Self.positions(people) } }
    public var organisations: [Organisation] { didSet { organisationIndex = Self.positions(organisations) } }
    /// Positions by id: the rules look people and partners up for every line of every meeting's attendance.
    private var personIndex: [String: Int]
    private var organisationIndex: [String: Int]

    public init(
        areas: [Area] = [], coverageRules: [CoverageRule] = [], people: [Person] = [],
        organisations: [Organisation] = []
    ) {
        self.areas = areas
        self.coverageRules = coverageRules
        self.people = people
        self.organisations = organisations
        personIndex = Self.positions(people)
        organisationIndex = Self.positions(organisations)
    }

    static func positions<T: Identifiable>(_ list: [T]) -> [String: Int] where T.ID == String {
        Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (a: Directory, b: Directory) -> Bool {
        a.areas == b.areas && a.coverageRules == b.coverageRules && a.people == b.people
            && a.organisations == b.organisations
    }

    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
    public func person(_ id: String) -> Person? { personIndex[id].map { people[$0] } }
    public func organisation(_ id: String) -> Organisation? { organisationIndex[id].map { organisations[$0] } }

    public func ward(_ id: String) -> (ward: Ward, area: Area)? {
        for area in areas {
            if let ward = area.wards.first(where: { $0.id == id }) { return (ward, area) }
        }
        return nil
    }

    /// Councillors of any of the given wards, in directory order.
    public func councillors(ofWards wards: [String]) -> [Person] {
        let wanted = Set(wards)
        return people.filter { $0.kind == .councillor && !wanted.isDisjoint(with: $0.wards) }
    }

    /// The organisation a person speaks for, if any.
    public func organisation(of personID: String) -> Organisation? {
        person(personID)?.organisation.flatMap(organisation(_:))
    }

    public func displayName(ofPerson id: String?) -> String {
        guard let id else { return "" }
        return person(id)?.name ?? id
    }

    /// Who owns an action: the person, else the organisation (an action may be owned by a partner as a whole).
    public func ownerName(person: String?, organisation: String?) -> String {
        if let person { return displayName(ofPerson: person) }
        guard let organisation else { return "" }
        return self.organisation(organisation)?.name ?? organisation
    }
}
