-- wrk script: POST /sms with a bearer token taken from the TOKEN environment variable.
wrk.method = "POST"
wrk.body = '{"from":{"phoneNumber":"+16505550101"},"to":[{"phoneNumber":"+14155550100"}],"text":"benchmark message"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end
