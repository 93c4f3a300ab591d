/**
 * The rate limiter of `../ratelimit.ts` as one Redis script, so that every replica takes from the same
 * buckets atomically. Same rules: a request goes ahead only when its user's and its channel's buckets
 * both hold a token (and takes one from each); a refusal names the limit that keeps the person waiting
 * longest (the user's on a tie) and tells them only the first time in a stretch of refusals. Time is
 * the Redis server's (`TIME`), so replicas whose clocks differ still agree. A bucket is a hash
 * `{ tokens, at, t:<user>… }` that expires once it would have refilled anyway.
 *
 * KEYS[1] the user's bucket, KEYS[2] the channel's bucket.
 * ARGV[1] who asks; ARGV[2], ARGV[3] the user burst and everyMs (burst 0: not limited on this side);
 * ARGV[4], ARGV[5] the same for the channel; ARGV[6] how many people a bucket remembers telling.
 * Returns { allowed (1|0), scope (1 user, 2 channel), retryMs, notify (1|0) }.
 */
export const TOKEN_BUCKET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local who = 't:' .. ARGV[1]
local sides = {}
for i = 1, 2 do
  local burst = tonumber(ARGV[i * 2])
  local every = tonumber(ARGV[i * 2 + 1])
  if burst > 0 then
    local v = redis.call('HMGET', KEYS[i], 'tokens', 'at')
    local tokens = tonumber(v[1])
    local at = tonumber(v[2])
    if tokens == nil or at == nil then
      tokens = burst
      at = now
    elseif now > at then
      tokens = math.min(burst, tokens + (now - at) / every)
      at = now
    end
    sides[#sides + 1] = { key = KEYS[i], scope = i, burst = burst, every = every, tokens = tokens, at = at }
  end
end
local worst = nil
local worstRetry = -1
for _, s in ipairs(sides) do
  if s.tokens < 1 then
    local retry = math.max(1, math.ceil((1 - s.tokens) * s.every))
    if retry > worstRetry then
      worst = s
      worstRetry = retry
    end
  end
end
if worst == nil then
  for _, s in ipairs(sides) do
    redis.call('HSET', s.key, 'tokens', tostring(s.tokens - 1), 'at', tostring(s.at))
    redis.call('HDEL', s.key, who)
    redis.call('PEXPIRE', s.key, math.ceil(s.burst * s.every) + 1000)
  end
  return { 1, 0, 0, 0 }
end
local notify = 0
if redis.call('HEXISTS', worst.key, who) == 0 and redis.call('HLEN', worst.key) - 2 < tonumber(ARGV[6]) then
  redis.call('HSET', worst.key, who, '1')
  notify = 1
end
return { 0, worst.scope, worstRetry, notify }
`;
