namespace Ntm.Reports.Charts;

/// <summary>Axis ticks on round numbers (1, 2, 2.5, 5 × 10ⁿ) covering the data.</summary>
public sealed record NiceScale(decimal Min, decimal Max, decimal Step)
{
    /// <summary>The ticks from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<decimal> Ticks
    {
        get
        {
            for (var tick = Min; tick <= Max + (Step / 1000); tick += Step)
            {
                yield return tick;
            }
        }
    }

    /// <summary>A scale from (at most) <paramref name="low"/> to (at least) <paramref name="high"/> with about <paramref name="ticks"/> ticks.</summary>
    public static NiceScale For(decimal low, decimal high, int ticks = 6)
    {
        if (high <= low)
        {
            high = low + 1;
        }

        var step = Nice((high - low) / Math.Max(1, ticks - 1));
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        return new NiceScale(min, max, step);
    }

    private static decimal Nice(decimal raw)
    {
        var exponent = Math.Floor(Math.Log10((double)raw));
        var power = (decimal)Math.Pow(10, exponent);
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5m ? 2.5m : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
