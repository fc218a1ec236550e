namespace Ntm.Warehouse.SqlServer;

/// <summary>A submission of the warehouse that can be published (accepted or superseded), with its row count.</summary>
public sealed record PublishableSubmission(long Id, string Status, int Rows);

/// <summary>Submissions sent together in one server transaction.</summary>
public sealed record PublicationBatch(IReadOnlyList<long> Submissions, long Observations);

/// <summary>
/// What a publication run has to do, worked out from both sides alone: the submissions the server
/// does not have, in batches of about <c>maxRows</c> observations (a submission is never split), and
/// the statuses that changed since (a resend superseded an older file). Because the server logs a
/// batch in the same transaction as its rows, planning again after an interruption resumes exactly
/// where the last committed batch ended: nothing twice, nothing missing.
/// </summary>
public sealed record PublicationPlan(IReadOnlyList<PublicationBatch> Batches, IReadOnlyList<(long Id, string Status)> StatusChanges)
{
    /// <summary>Plans from the warehouse's publishable submissions and the server's submission statuses.</summary>
    public static PublicationPlan Plan(IEnumerable<PublishableSubmission> local, IReadOnlyDictionary<long, string> remote, long maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var batches = new List<PublicationBatch>();
        var changes = new List<(long, string)>();
        var current = new List<long>();
        long rows = 0;
        foreach (var submission in local.OrderBy(s => s.Id))
        {
            if (remote.TryGetValue(submission.Id, out var status))
            {
                if (!string.Equals(status, submission.Status, StringComparison.Ordinal))
                {
                    changes.Add((submission.Id, submission.Status));
                }

                continue;
            }

            if (current.Count > 0 && rows + submission.Rows > maxRows)
            {
                batches.Add(new PublicationBatch(current, rows));
                current = [];
                rows = 0;
            }

            current.Add(submission.Id);
            rows += submission.Rows;
        }

        if (current.Count > 0)
        {
            batches.Add(new PublicationBatch(current, rows));
        }

        return new PublicationPlan(batches, changes);
    }

    /// <summary>Nothing to send and nothing to update.</summary>
    public bool IsEmpty => Batches.Count == 0 && StatusChanges.Count == 0;
}
