using System.Collections.Concurrent;

namespace Ntm.Jobs.Web;

/// <summary>
/// Failed logins counted per address and per user name: after <see cref="MaxFailures"/> in
/// <see cref="Window"/>, further attempts from that address or for that name are refused until the
/// oldest failure leaves the window. A success clears the name's and the address's count.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    /// <summary>Failures allowed within the window.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a failure counts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>When attempts for <paramref name="address"/> or <paramref name="name"/> may resume; null when they may now.</summary>
    public DateTimeOffset? BlockedUntil(string address, string name)
    {
        var now = clock.GetUtcNow();
        return new[] { Until(Key("ip", address), now), Until(Key("user", name), now) }.Max();
    }

    /// <summary>Counts a failed attempt.</summary>
    public void Failed(string address, string name)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { Key("ip", address), Key("user", name) })
        {
            var queue = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                queue.Enqueue(now);
                while (queue.Count > MaxFailures)
                {
                    queue.Dequeue();
                }
            }
        }
    }

    /// <summary>Forgets the failures of a successful login.</summary>
    public void Succeeded(string address, string name)
    {
        failures.TryRemove(Key("ip", address), out _);
        failures.TryRemove(Key("user", name), out _);
    }

    private static string Key(string kind, string value) => $"{kind}:{value.ToUpperInvariant()}";

    private DateTimeOffset? Until(string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            return queue.Count >= MaxFailures ? queue.Peek() + Window : null;
        }
    }
}
