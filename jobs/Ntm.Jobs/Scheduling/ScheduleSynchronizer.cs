using Microsoft.Extensions.Hosting;
using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Makes the stored triggers match <c>ntm.json</c> before the scheduler starts, without touching a
/// trigger whose schedule is unchanged and still ahead: it keeps its next fire time. A trigger whose
/// next firing already passed (the scheduler was down) is moved to its first firing after now, and
/// the job gets one catch-up run now: missed firings of a job run once, however long or short the
/// downtime (Quartz alone would replay every firing that is late by less than the misfire threshold,
/// and one per trigger beyond it). Triggers of removed schedules are removed; retries are left alone.
/// </summary>
public sealed class ScheduleSynchronizer(ISchedulerFactory factory, ScheduleSettings settings, TimeProvider clock) : IHostedService
{
    /// <summary>The trigger group of the configured schedules.</summary>
    public const string Group = "schedule";

    /// <summary>The trigger group of the one-off runs that stand for missed firings.</summary>
    public const string CatchUpGroup = "catch-up";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var timeZone = settings.ResolveTimeZone()!;
        var now = clock.GetUtcNow();
        var wanted = new HashSet<TriggerKey>();
        var missed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (job, expressions) in settings.Jobs)
        {
            for (var i = 0; i < expressions.Count; i++)
            {
                var key = new TriggerKey($"{job}-{i}", Group);
                wanted.Add(key);
                var existing = await scheduler.GetTrigger(key, cancellationToken) as ICronTrigger;
                var unchanged = existing is not null && existing.CronExpressionString == expressions[i] && existing.TimeZone.Id == timeZone.Id && existing.JobKey.Name == job;
                if (unchanged && existing!.NextFireTimeUtc is { } next && next < now)
                {
                    missed.Add(job);
                    unchanged = false;
                }

                if (unchanged)
                {
                    continue;
                }

                var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartAt(now)
                    .WithCronSchedule(expressions[i], c => c.InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                    .Build();
                if (existing is null)
                {
                    await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
                }
                else
                {
                    await scheduler.RescheduleJob(key, trigger, cancellationToken);
                }
            }
        }

        foreach (var job in missed)
        {
            var catchUp = TriggerBuilder.Create().WithIdentity(job, CatchUpGroup).ForJob(job).StartAt(now)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            if (await scheduler.Exists(catchUp.Key, cancellationToken))
            {
                await scheduler.RescheduleJob(catchUp.Key, catchUp, cancellationToken);
            }
            else
            {
                await scheduler.ScheduleJob(catchUp, new ScheduleJobOptions(), cancellationToken);
            }
        }

        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken))
        {
            if (!wanted.Contains(key))
            {
                await scheduler.UnscheduleJob(key, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
