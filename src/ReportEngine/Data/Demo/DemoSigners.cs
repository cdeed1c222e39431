using System.Globalization;
using System.Text;

namespace ReportEngine.Data.Demo;

/// <summary>
/// What the demo committees print as Party documents (Guidance 36-HD/VPTW): the issuing body as Party
/// documents name it ("TỈNH ỦY BÌNH THUẬN", "HUYỆN ỦY TUY PHONG"; a commune's Party committee under its
/// district's Party organisation), the symbol used in document numbers (TU, ThU, HU, ĐU), a Standing
/// Committee's authority and a deputy secretary signing, the locality's own name as the place (a province's capital). Signers'
/// names are invented, drawn deterministically.
/// </summary>
internal static class DemoSigners
{
    private static readonly string[] Names =
    [
        "Nguyễn Văn Hòa", "Trần Thị Thu Hà", "Lê Quang Minh", "Phạm Thị Lan", "Hoàng Văn Dũng",
        "Võ Thị Hồng", "Đặng Văn Phúc", "Bùi Thị Mai", "Huỳnh Văn Tâm", "Ngô Thị Thanh",
    ];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static CommitteeSigner For(DemoLocality locality, int index)
    {
        var body = locality.UnitType switch
        {
            "province" => $"TỈNH ỦY {Upper(locality.Name)}",
            "city" => $"THÀNH ỦY {Upper(locality.Name)}",
            "town" => $"THỊ ỦY {Upper(locality.Name)}",
            "district" => $"HUYỆN ỦY {Upper(locality.Name)}",
            _ => $"{Superior(locality.Parent)}\nĐẢNG ỦY {Upper(locality.TitledName)}",
        };
        var symbol = locality.UnitType switch
        {
            "province" or "town" => "TU",
            "city" => "ThU",
            "district" => "HU",
            _ => "ĐU",
        };
        return new CommitteeSigner(
            Nfc(body), Nfc(symbol), Nfc("T/M BAN THƯỜNG VỤ"), Nfc("PHÓ BÍ THƯ"), Nfc(Names[index % Names.Length]), Nfc(Place(locality)));
    }

    /// <summary>Where its documents are dated: a province's capital (Phan Thiết for Bình Thuận, Đà Lạt for Lâm Đồng), else the unit's own name.</summary>
    private static string Place(DemoLocality locality) => locality.UnitType switch
    {
        "province" when locality.Code == LocalityCatalogue.ProvinceCode => "Phan Thiết",
        "province" when locality.Code == LocalityCatalogue.SuccessorCode => "Đà Lạt",
        _ => locality.Name,
    };

    /// <summary>The Party organisation above a commune's committee: the district's, or the province's.</summary>
    private static string Superior(DemoLocality? parent) => parent is null ? "" : "ĐẢNG BỘ " + Upper(parent.TitledName);

    private static string Upper(string text) => text.ToUpper(Vietnamese);

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
