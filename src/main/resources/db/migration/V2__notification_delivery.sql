-- Notifications handed to the SMTP server: one row per event, so that no event is mailed twice.
create table notification_delivery (
  event_key         varchar(200)  primary key,
  template          varchar(100)  not null,
  recipients        varchar(2000) not null,
  subject           varchar(500)  not null,
  organisation_name varchar(200)  not null,
  message_id        varchar(300)  not null,
  sent_at           timestamp with time zone not null
);
