using Microsoft.Extensions.Hosting;
using Quartz;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Makes the stored triggers match <c>ntm.json</c> before the scheduler starts, without touching a
/// trigger whose schedule is unchanged: it keeps its next fire time, so a firing missed while the
/// machine was off is found and run once (misfire: fire once now) when the scheduler starts.
/// Triggers of removed schedules are removed; retries and manual triggers are left alone.
/// </summary>
public sealed class ScheduleSynchronizer(ISchedulerFactory factory, ScheduleSettings settings) : IHostedService
{
    /// <summary>The trigger group of the configured schedules.</summary>
    public const string Group = "schedule";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var timeZone = settings.ResolveTimeZone()!;
        var wanted = new HashSet<TriggerKey>();
        foreach (var (job, expressions) in settings.Jobs)
        {
            for (var i = 0; i < expressions.Count; i++)
            {
                var key = new TriggerKey($"{job}-{i}", Group);
                wanted.Add(key);
                var existing = await scheduler.GetTrigger(key, cancellationToken) as ICronTrigger;
                if (existing is not null && existing.CronExpressionString == expressions[i] && existing.TimeZone.Id == timeZone.Id && existing.JobKey.Name == job)
                {
                    continue;
                }

                var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job)
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
