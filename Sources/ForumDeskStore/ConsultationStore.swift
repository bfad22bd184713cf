import Foundation
import ForumDeskCore

extension DataStore {
    /// Reads `consultations/*.json` as topics are read: a file that cannot be read is reported (path, line,
    /// column, reason), marked unreadable so nothing overwrites it, and skipped; a file named other than its id
    /// is not loaded.
    func loadConsultations(into data: inout DataSet) {
        for consultation in loadRecords(in: folder.consultationsFolder, into: &data, Codec.consultation, id: \.id) {
            data.place(consultation)
        }
    }

    /// Writes one consultation to `consultations/<id>.json`: the same checked, durable save as a topic (refused
    /// when the file changed on disk since it was read, or cannot be read).
    public func save(_ consultation: Consultation, in data: inout DataSet) throws(SaveError) {
        try write(
            Codec.encode(consultation),
            to: try checked { () throws(PathError) in try folder.consultationFile(consultation.id) }, in: &data)
        data.place(consultation)
    }

    public func delete(consultationID: String, in data: inout DataSet) throws(SaveError) {
        let path = try checked { () throws(PathError) in try folder.consultationFile(consultationID) }
        try remove(path, in: &data)
        data.consultations.removeAll { $0.id == consultationID }
    }
}
