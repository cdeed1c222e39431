using System.Globalization;

namespace ReportEngine.Tests.SecondProvince.Model;

/// <summary>
/// The organisations: ordinary ones at every level, and a few whose founding or dissolution falls
/// exactly on an as-of date (31 August) or the day after, which the figures must get right.
/// </summary>
public static class QuangTriOrganizations
{
    public const string DissolvedOnAsOf2024 = "Hội Người mù tỉnh Quảng Trị";
    public const string FoundedOnAsOf2024 = "Hội Du lịch tỉnh Quảng Trị";
    public const string FoundedDayAfterAsOf2023 = "Hội Doanh nghiệp huyện Gio Linh";
    public const string DissolvedDayAfterAsOf2023 = "Hội Đông y huyện Hải Lăng";
    public const string FoundedOnAsOf2023 = "Hội Doanh nghiệp huyện Cam Lộ";
    public const string DissolvedOnAsOf2023 = "Hội Đông y phường Đông Lễ";

    /// <summary>Loses 10 of its 40 members in 2024 (25%): to be corrected.</summary>
    public const string SharpDecline = "Hội Sinh vật cảnh tỉnh Quảng Trị";

    /// <summary>Goes from 50 to 40 members in 2024 (exactly 20%): not "more than" the threshold.</summary>
    public const string DeclineOnThreshold = "Hội Cựu giáo chức huyện Cam Lộ";

    /// <summary>Registered with a comma in its name (quoted in CSV).</summary>
    public const string WithComma = "Hội Bảo trợ, Từ thiện Quảng Trị";

    public static IReadOnlyList<Organization> All(IReadOnlyList<Locality> localities, Random random)
    {
        var list = new List<Organization>();
        void Add(string name, string english, string scope, string kind, string field, string locality, DateOnly? founded = null, DateOnly? dissolved = null) =>
            list.Add(new Organization("qt-o" + (list.Count + 1).ToString("000", CultureInfo.InvariantCulture), name, english, scope, kind, field, locality,
                founded ?? RandomDay(random, new DateOnly(2000, 1, 1), new DateOnly(2019, 12, 31)), dissolved));

        const string province = QuangTriLocalities.Province;
        Add("Hội Chữ thập đỏ tỉnh Quảng Trị", "Quang Tri Red Cross Society", "province", "assigned", "charity", province);
        Add("Hội Nhà báo tỉnh Quảng Trị", "Quang Tri Journalists' Association", "province", "assigned", "professional", province);
        Add("Hội Luật gia tỉnh Quảng Trị", "Quang Tri Lawyers' Association", "province", "assigned", "professional", province);
        Add("Hội Văn học Nghệ thuật Quảng Trị", "Quang Tri Literature and Arts Association", "province", "assigned", "culture", province);
        Add("Hội Khuyến học tỉnh Quảng Trị", "Quang Tri Study Promotion Association", "province", "voluntary", "social", province);
        Add("Hội Làm vườn tỉnh Quảng Trị", "Quang Tri Gardening Association", "province", "voluntary", "economic", province);
        Add(SharpDecline, "Quang Tri Ornamental Plants Association", "province", "voluntary", "culture", province);
        Add(WithComma, "Quang Tri Patronage and Charity Association", "province", "voluntary", "charity", province);
        Add(DissolvedOnAsOf2024, "Quang Tri Association of the Blind", "province", "voluntary", "social", province, dissolved: new DateOnly(2024, 8, 31));
        Add(FoundedOnAsOf2024, "Quang Tri Tourism Association", "province", "voluntary", "economic", province, founded: new DateOnly(2024, 8, 31));

        foreach (var district in QuangTriLocalities.Districts)
        {
            var place = district.InName;
            Add("Hội Chữ thập đỏ " + place, "Red Cross, " + district.Name, "district", "assigned", "charity", district.Code);
            Add("Hội Người cao tuổi " + place, "Elderly Association, " + district.Name, "district", "assigned", "social", district.Code);
            Add("Hội Khuyến học " + place, "Study Promotion, " + district.Name, "district", "voluntary", "social", district.Code);
            Add("Hội Cựu giáo chức " + place, "Retired Teachers, " + district.Name, "district", "voluntary", "professional", district.Code);
        }

        Add(FoundedDayAfterAsOf2023, "Gio Linh Business Association", "district", "voluntary", "economic", "qt-gio-linh", founded: new DateOnly(2023, 9, 1));
        Add(DissolvedDayAfterAsOf2023, "Hai Lang Traditional Medicine", "district", "assigned", "health", "qt-hai-lang", dissolved: new DateOnly(2023, 9, 1));
        Add(FoundedOnAsOf2023, "Cam Lo Business Association", "district", "voluntary", "economic", QuangTriLocalities.CamLo, founded: new DateOnly(2023, 8, 31));

        foreach (var commune in localities.Where(l => l.Level == "commune"))
        {
            var place = QuangTriLocalities.InName(commune);
            Add("Hội Người cao tuổi " + place, "Elderly Association, " + commune.Name, "commune", "assigned", "social", commune.Code);
            Add("Hội Khuyến học " + place, "Study Promotion, " + commune.Name, "commune", "voluntary", "social", commune.Code);
            if (random.Next(2) == 0)
            {
                Add("Hội Sinh vật cảnh " + place, "Ornamental Plants, " + commune.Name, "commune", "voluntary", "culture", commune.Code);
            }
        }

        Add(DissolvedOnAsOf2023, "Dong Le Traditional Medicine", "commune", "voluntary", "health", "qt-dong-le", dissolved: new DateOnly(2023, 8, 31));
        return list;
    }

    public static DateOnly RandomDay(Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
}
