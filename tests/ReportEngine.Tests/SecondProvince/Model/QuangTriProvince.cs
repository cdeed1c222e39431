namespace ReportEngine.Tests.SecondProvince.Model;

/// <summary>The second province, the same rows on every run (fixed seed).</summary>
public static class QuangTriProvince
{
    private const int Seed = 20210305;

    public static ProvinceRows Rows { get; } = Build();

    private static ProvinceRows Build()
    {
        var random = new Random(Seed);
        var localities = QuangTriLocalities.All();
        var organizations = QuangTriOrganizations.All(localities, random);
        var members = QuangTriMembers.All(organizations, random);
        var activities = QuangTriActivities.All(localities, organizations, random);
        return new ProvinceRows(localities, organizations, members, [], activities,
            QuangTriTargets.All(), QuangTriTargets.Populations(), QuangTriTargets.Committees());
    }
}
