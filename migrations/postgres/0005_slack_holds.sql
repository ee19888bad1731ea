-- One Slack rate-limit budget for every replica, mirroring migrations/0005_slack_holds.sql (which says
-- what each column means): a 429 seen by one replica holds back the others for that method and channel.
CREATE TABLE slack_holds (
  method TEXT COLLATE "C" NOT NULL,
  channel TEXT COLLATE "C" NOT NULL DEFAULT '',
  until BIGINT NOT NULL,
  PRIMARY KEY (method, channel)
);
