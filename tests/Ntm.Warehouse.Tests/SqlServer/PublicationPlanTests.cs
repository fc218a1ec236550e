using Ntm.Warehouse.SqlServer;

namespace Ntm.Warehouse.Tests.SqlServer;

/// <summary>The publisher's own bookkeeping: batches, resuming after an interruption, superseded statuses.</summary>
public sealed class PublicationPlanTests
{
    private static readonly PublishableSubmission[] Local =
    [
        new(1, "accepted", 400), new(2, "accepted", 300), new(3, "superseded", 500), new(4, "accepted", 2_000), new(5, "accepted", 100), new(6, "accepted", 100),
    ];

    [Fact]
    public void Submissions_go_in_batches_of_about_the_row_limit_and_none_is_split()
    {
        var plan = PublicationPlan.Plan(Local, new Dictionary<long, string>(), maxRows: 1_000);
        Assert.Equal([[1L, 2L], [3L], [4L], [5L, 6L]], plan.Batches.Select(b => b.Submissions.ToArray()));
        Assert.Equal([700L, 500L, 2_000L, 200L], plan.Batches.Select(b => b.Observations));
        Assert.Empty(plan.StatusChanges);
    }

    [Fact]
    public void After_an_interruption_the_plan_resumes_after_the_last_committed_batch()
    {
        // The server committed the first two batches (and logged them in the same transactions); the third failed.
        var remote = new Dictionary<long, string> { [1] = "accepted", [2] = "accepted", [3] = "superseded" };
        var plan = PublicationPlan.Plan(Local, remote, maxRows: 1_000);
        Assert.Equal([4L, 5L, 6L], plan.Batches.SelectMany(b => b.Submissions));
        Assert.True(PublicationPlan.Plan(Local, Local.ToDictionary(s => s.Id, s => s.Status), 1_000).IsEmpty);
    }

    [Fact]
    public void A_submission_superseded_since_it_was_published_is_updated_there()
    {
        var remote = Local.ToDictionary(s => s.Id, s => s.Id == 3 ? "accepted" : s.Status);
        remote[2] = "accepted";
        var local = Local.Select(s => s.Id == 2 ? s with { Status = "superseded" } : s).Append(new PublishableSubmission(7, "accepted", 50));
        var plan = PublicationPlan.Plan(local, remote, 1_000);
        Assert.Equal([(2L, "superseded"), (3L, "superseded")], plan.StatusChanges);
        Assert.Equal([7L], Assert.Single(plan.Batches).Submissions);
    }
}
