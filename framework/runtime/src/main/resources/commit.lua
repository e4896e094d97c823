-- Atomic commit of one room change (compare-and-set on the version).
-- KEYS: 1 version, 2 log, 3 snapshot, 4 previous snapshot, 5 moves, 6.. inboxes (one per delivery, in ARGV order)
-- ARGV: 1 expected version ('' = the room must not exist yet), 2 new version, 3 log entry ('' = none),
--       4 snapshot of the whole room ('' = none this time), 5 ttl ms, 6 log entries kept, 7 inbox length,
--       8 channel, 9 notice, 10 move count m, 11..10+m moves, then messages
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if current then return 0 end
  redis.call('DEL', KEYS[2], KEYS[4])
elseif current ~= ARGV[1] then
  return 0
end
local ttl = ARGV[5]
redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
if ARGV[3] ~= '' then
  redis.call('RPUSH', KEYS[2], ARGV[3])
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[6]), -1)
  redis.call('PEXPIRE', KEYS[2], ttl)
end
if ARGV[4] ~= '' then
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('RENAME', KEYS[3], KEYS[4]) end
  redis.call('SET', KEYS[3], ARGV[4], 'PX', ttl)
else
  redis.call('PEXPIRE', KEYS[3], ttl)
end
redis.call('PEXPIRE', KEYS[4], ttl)
local m = tonumber(ARGV[10])
for i = 1, m do
  redis.call('RPUSH', KEYS[5], ARGV[10 + i])
end
redis.call('PEXPIRE', KEYS[5], ttl)
local keep = tonumber(ARGV[7])
for k = 6, #KEYS do
  redis.call('RPUSH', KEYS[k], ARGV[10 + m + (k - 5)])
  redis.call('LTRIM', KEYS[k], -keep, -1)
  redis.call('PEXPIRE', KEYS[k], ttl)
end
redis.call('PUBLISH', ARGV[8], ARGV[9])
return 1
