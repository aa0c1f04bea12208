import HTTPTypes
import Hummingbird
import JOSE

/// Small constructors for the responses every route family sends.
public enum ResponseBuilding {
    /// A response with `bytes` as body and `contentType`.
    public static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A JSON response, serialized canonically (members in code-point order, no whitespace; RFC 8259).
    public static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        bytes(CanonicalJSON.encode(value), status: status, contentType: MediaType.json, headers: headers)
    }

    /// An object from name/value pairs; names are distinct literals at every call site.
    public static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        let built = try? JSONObject(members.map { JSONObject.Member($0.0, $0.1) })
        return .object(built ?? JSONObject())
    }
}
