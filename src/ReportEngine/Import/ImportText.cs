using System.Globalization;

namespace ReportEngine.Import;

/// <summary>Every message the import shows, in English or Vietnamese (--lang en|vi).</summary>
public sealed class ImportText
{
    public static readonly ImportText English = new(false);

    public static readonly ImportText Vietnamese = new(true);

    private readonly bool vi;

    private ImportText(bool vietnamese) => vi = vietnamese;

    public static IReadOnlyList<string> Languages => ["en", "vi"];

    public string Language => vi ? "vi" : "en";

    public CultureInfo Culture => CultureInfo.GetCultureInfo(vi ? "vi-VN" : "en-US");

    public string Row => vi ? "dòng" : "row";

    public string Column => vi ? "cột" : "column";

    public string Value => vi ? "giá trị" : "value";

    public static ImportText For(string? language) => language switch
    {
        null or "en" => English,
        "vi" => Vietnamese,
        _ => throw new ReportEngineException($"--lang must be en or vi, not \"{language}\"."),
    };

    public string ErrorCount(int count) => vi
        ? $"{count} lỗi; không có dữ liệu nào được nhập"
        : $"{count} error{(count == 1 ? "" : "s")}; nothing was imported";

    public string MissingColumn(string column) => vi ? $"thiếu cột bắt buộc \"{column}\"" : $"the required column \"{column}\" is missing";

    public string UnknownColumn(string column, IEnumerable<string> known) => vi
        ? $"cột không xác định \"{column}\" (các cột: {string.Join(", ", known)})"
        : $"unknown column \"{column}\" (the columns are: {string.Join(", ", known)})";

    public string DuplicateColumn(string column) => vi ? $"cột \"{column}\" xuất hiện hai lần" : $"the column \"{column}\" appears twice";

    public string EmptyTable => vi ? "tệp trống: dòng đầu tiên phải là tên các cột" : "the file is empty: its first row must name the columns";

    public string Required => vi ? "bắt buộc phải có giá trị" : "a value is required";

    public string NotDate => vi ? "không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy)" : "not a date (yyyy-MM-dd or dd/MM/yyyy)";

    public string NoSuchDate => vi ? "ngày này không tồn tại" : "there is no such date";

    public string NotInteger => vi ? "không phải số nguyên không âm (chỉ gồm chữ số)" : "not a whole number of 0 or more (digits only)";

    public string NotNumber => vi ? "không phải số" : "not a number";

    public string BadCode => vi
        ? "mã gồm 1-64 ký tự: chữ thường ASCII, chữ số, '-', '_', '.', '/'"
        : "a code is 1-64 characters: ASCII lower-case letters, digits, '-', '_', '.', '/'";

    public string NotAllowed(IEnumerable<string> allowed) => vi
        ? $"phải là một trong: {string.Join(", ", allowed)}"
        : $"must be one of: {string.Join(", ", allowed)}";

    public string Duplicate(int firstRow) => vi ? $"bị trùng với dòng {firstRow}" : $"appears twice: also on row {firstRow}";

    public string UnknownReference(string table, string code) => vi
        ? $"không có {table} \"{code}\" trong tệp hoặc trong cơ sở dữ liệu"
        : $"there is no {table} \"{code}\" in the file or the database";

    public string NotAfter(string other, string otherValue) => vi
        ? $"phải sau {other} ({otherValue})"
        : $"must be after {other} ({otherValue})";

    public string Before(string other, string otherValue) => vi
        ? $"không được trước {other} ({otherValue})"
        : $"must not be before {other} ({otherValue})";

    public string BeyondHeader => vi ? "có giá trị nằm ngoài các cột của dòng tiêu đề" : "a value beyond the header's last column";

    public string UnknownIndicator => vi ? "không phải chỉ tiêu đã biết" : "not a known indicator";

    public string MustBePositive => vi ? "phải lớn hơn 0" : "must be more than 0";

    public string LocalityTaken(string locality, string committee) => vi
        ? $"địa bàn \"{locality}\" đã có ban thường vụ \"{committee}\""
        : $"the locality \"{locality}\" already has the committee \"{committee}\"";

    public string ParentOfItself => vi ? "một địa bàn không thể là cấp trên hay nơi sáp nhập của chính nó" : "a locality cannot be its own parent or successor";

    public string NotUtf8 => vi ? "tệp không phải văn bản UTF-8" : "the file is not UTF-8 text";
}
