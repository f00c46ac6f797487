using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Notifications;

/// <summary>Notifications (通知) and the outbox: registers the capability's services, settings, page rules and endpoints (one place per feature, ADR-008).</summary>
public static class NotificationsFeature
{
    /// <summary>Adds the services and settings of this feature.</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<INotificationChannel, OutboxChannel>();
        builder.Services.AddScoped<INotices, Notifier>(); // the shared port (ADR-008)
        return builder;
    }

    /// <summary>Maps the endpoints of this feature (<c>/api/v1/notifications</c>, the outbox).</summary>
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapApiV1().MapNotificationsApi();
        return app;
    }
}
