using System.Globalization;
using Ntm.Domain.Text;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>
/// An indicator. A ratio names its numerator and denominator (other indicators) and a factor
/// (100 for %, 1000 for ‰): its value for any set of areas or months is
/// factor × sum(numerator) / sum(denominator), never an average of ratios.
/// </summary>
public sealed record IndicatorRecord(
    string Code,
    string Kind,
    string? Unit,
    string Domain,
    string? NumeratorCode,
    string? DenominatorCode,
    decimal? Factor,
    string NameVi,
    string NameEn,
    IReadOnlyList<string> Aliases,
    string PeriodType = "stock",
    string? Better = null,
    int Decimals = 1)
{
    /// <summary>True for indicators computed from a numerator and a denominator.</summary>
    public bool IsRatio => Kind == "ratio";
}

/// <summary>The indicator catalogue, built from <c>indicators.csv</c> and the user's additions. Pure.</summary>
public sealed class IndicatorCatalog
{
    private static readonly string[] Kinds = ["count", "ratio", "rate", "flag"];

    private IndicatorCatalog(IReadOnlyList<IndicatorRecord> indicators) =>
        Indicators = indicators;

    /// <summary>Every indicator, in file order.</summary>
    public IReadOnlyList<IndicatorRecord> Indicators { get; }

    /// <summary>Builds the catalogue; throws <see cref="ReferenceDataException"/> naming the file and code on bad data.</summary>
    public static IndicatorCatalog Build(ReferenceFiles files)
    {
        var byCode = new Dictionary<string, IndicatorRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var table in files.Tables("indicators"))
        {
            table.Require("code", "kind", "unit", "domain", "numerator", "denominator", "factor", "name_vi", "name_en", "aliases");
            foreach (var row in table.Rows)
            {
                var code = row["code"].Trim();
                if (!Kinds.Contains(row["kind"]))
                {
                    throw new ReferenceDataException($"{table.Name}: chỉ tiêu {code} có loại (kind) '{row["kind"]}'; cần count, ratio, rate hoặc flag.");
                }

                var periodType = Blank(row.GetValueOrDefault("period_type", string.Empty)) ?? "stock";
                if (periodType is not ("flow" or "stock"))
                {
                    throw new ReferenceDataException($"{table.Name}: chỉ tiêu {code} có period_type '{periodType}'; cần flow hoặc stock.");
                }

                var better = Blank(row.GetValueOrDefault("better", string.Empty));
                if (better is not (null or "higher" or "lower"))
                {
                    throw new ReferenceDataException($"{table.Name}: chỉ tiêu {code} có better '{better}'; cần higher, lower hoặc để trống.");
                }

                var decimals = Blank(row.GetValueOrDefault("decimals", string.Empty)) is { } places
                    ? int.TryParse(places, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= 6 ? d : throw new ReferenceDataException($"{table.Name}: chỉ tiêu {code} có decimals '{places}'; cần từ 0 đến 6.")
                    : row["kind"] is "count" or "flag" ? 0 : 1;
                decimal? factor = null;
                if (Blank(row["factor"]) is { } factorText)
                {
                    factor = decimal.TryParse(factorText, NumberStyles.Number, CultureInfo.InvariantCulture, out var f) ? f : throw new ReferenceDataException($"{table.Name}: chỉ tiêu {code} có factor '{factorText}' không phải là số.");
                }

                var indicator = new IndicatorRecord(
                    code, row["kind"], Blank(row["unit"]), row["domain"], Blank(row["numerator"]), Blank(row["denominator"]), factor,
                    VietnameseText.Clean(row["name_vi"]), row["name_en"],
                    row["aliases"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    periodType, better, decimals);
                if (byCode.ContainsKey(code))
                {
                    throw new ReferenceDataException($"{table.Name}: chỉ tiêu {code} được khai báo hai lần.");
                }

                byCode[code] = indicator;
                order.Add(code);
            }
        }

        // Labels a statistician taught the product (`ntm alias add`): alias, indicator_code.
        foreach (var table in files.Tables("indicator_aliases"))
        {
            table.Require("alias", "indicator_code");
            foreach (var row in table.Rows)
            {
                var code = row["indicator_code"].Trim();
                if (!byCode.TryGetValue(code, out var indicator))
                {
                    throw new ReferenceDataException($"{table.Name}: tên gọi khác '{row["alias"]}' trỏ tới chỉ tiêu '{code}' không có trong danh mục.");
                }

                if (!string.IsNullOrWhiteSpace(row["alias"]))
                {
                    byCode[code] = indicator with { Aliases = [.. indicator.Aliases, row["alias"].Trim()] };
                }
            }
        }

        foreach (var ratio in byCode.Values.Where(i => i.IsRatio))
        {
            foreach (var part in new[] { ratio.NumeratorCode, ratio.DenominatorCode })
            {
                if (part is null || !byCode.ContainsKey(part))
                {
                    throw new ReferenceDataException($"Chỉ tiêu tỷ lệ {ratio.Code} dùng '{part}' không có trong danh mục.");
                }
            }

            if (ratio.Factor is null)
            {
                throw new ReferenceDataException($"Chỉ tiêu tỷ lệ {ratio.Code} chưa có factor (100 cho phần trăm).");
            }
        }

        return new IndicatorCatalog(order.Select(c => byCode[c]).ToList());
    }

    /// <summary>True when <paramref name="code"/> is in the catalogue.</summary>
    public bool Contains(string code) => Indicators.Any(i => i.Code == code);

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
