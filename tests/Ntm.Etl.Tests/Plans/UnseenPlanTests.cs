using System.Text.Json;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Validation;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Plans;

/// <summary>
/// Plans and score sheets typed by testers who had not read the reader's code, in two rounds
/// (tests/fixtures/unseen-plans and unseen-plans-2, each with the answers written down before the first
/// check: expected.json). Round 1: province annexes with districts
/// as columns (abbreviated "TP VT", "H. Đoan Hùng") and villages tables, districts as rows with counts and
/// names, one commune per row under district section rows, marks under targets' columns, targets written
/// as sentences, names split by commas, "và", semicolons or line breaks, counts written in words; score
/// sheets with a row of maxima, criteria as rows, criteria named with their points. Round 2: a plan of 2026
/// after the reorganisation, a workbook of three sheets, targets in column headers, "02 xã: A, B", an old .xls
/// with names on lines of a cell, messy names ("TT. Bố Hạ", "Nghia Trung"), group rows with remarks naming
/// other communes, "TX. Kỳ Anh" beside "H. Kỳ Anh", a CSV mixing BHYT and communes. Every planned target,
/// every named commune and every commune's status is as the tester wrote; a file to refuse is refused at
/// the cell named. (One difference is by design: a plan's target of an indicator the catalogue knows,
/// "Tỷ lệ trạm y tế xã có bác sỹ làm việc", is stored as the unit's target.)
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class UnseenPlanTests(WarehouseFixture fixture) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static readonly string[] Rounds = ["unseen-plans", "unseen-plans-2"];

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var round in Rounds)
        {
            foreach (var file in Expected(round))
            {
                data.Add(round, file.File);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void What_the_tester_wrote_down_is_what_is_read(string round, string name)
    {
        var expected = Expected(round).Single(e => e.File == name);
        var home = fixture.NewHome(directory);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var file = new IngestionService(connection, home, Clock).Check(TestData.Fixtures(round, name), new IngestionOptions());
        var findings = string.Join("\n", file.Findings.Select(f => $"{f.Severity} {f.Sheet}!{f.Cell} {f.Rule}: {f.Message}"));

        if (expected.Errors is { Count: > 0 })
        {
            Assert.False(file.Accepted, $"{expected.What}\n{findings}");
            Assert.All(expected.Errors!, e => Assert.Contains(file.Findings, f => f.Severity == Severity.Error && f.Cell == e.Cell));
            return;
        }

        Assert.True(file.Accepted, $"{expected.What}\n{findings}");
        var read = file.Result.Plans.ToDictionary(p => (p.Area.Code, p.TargetCode), p => (p.Planned, Communes: p.Communes.Select(c => c.Commune.Code).Order(StringComparer.Ordinal).ToList()));
        foreach (var target in file.Result.Targets)
        {
            read[(target.Area.Code, target.IndicatorCode)] = (target.Value, []);
        }

        foreach (var plan in expected.Plans)
        {
            Assert.True(read.Remove((plan.AreaCode, plan.Target), out var got), $"{name}: no target {plan.Target} of {plan.AreaCode}\n{findings}");
            Assert.Equal(plan.Planned, got.Planned);
            Assert.Equal(plan.Communes.Order(StringComparer.Ordinal), got.Communes);
        }

        // Nothing else, but the target of an indicator the catalogue knows (see the summary).
        Assert.All(read.Keys, k => Assert.Contains(".", k.TargetCode, StringComparison.Ordinal));
        var status = file.Values.Where(v => v.IndicatorCode == "commune.health_standard").ToDictionary(v => v.Area.Code, v => v.Value);
        foreach (var score in expected.Scores ?? [])
        {
            Assert.True(status.TryGetValue(score.AreaCode, out var value), $"{name}: no status for {score.AreaCode}\n{findings}");
            Assert.Equal(score.Status == "dat" ? 1m : 0m, value);
        }
    }

    private static List<ExpectedFile> Expected(string round) =>
        JsonSerializer.Deserialize<List<ExpectedFile>>(File.ReadAllText(TestData.Fixtures(round, "expected.json")), Json)!;

    private sealed record ExpectedFile(string File, string What, int Year, List<ExpectedPlan> Plans, List<ExpectedScore>? Scores, List<ExpectedError>? Errors);

    private sealed record ExpectedPlan(string AreaCode, string Target, decimal? Planned, List<string> Communes);

    private sealed record ExpectedScore(string AreaCode, string Status);

    private sealed record ExpectedError(string Sheet, string Cell, string Why);
}
